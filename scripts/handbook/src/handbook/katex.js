// The handbook's formulas, typeset at build time by the KaTeX the site serves (npm).
// One process per build: each line of stdin is a JSON list of [tex, display] pairs; the
// answer is one line, a JSON list of {html} or {error}, in the same order.
"use strict";
const path = require("path");
const readline = require("readline");
const katex = require(path.join(process.argv[2], "katex"));

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const answers = JSON.parse(line).map(([tex, display]) => {
    try {
      return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
    } catch (error) {
      return { error: error.message };
    }
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
});
