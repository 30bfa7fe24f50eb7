// The handbook's build-time rendering in Node, from the packages npm installed: formulas
// by KaTeX and diagrams by Graphviz (@viz-js/viz, Graphviz compiled to WebAssembly).
// One process per build: each line of stdin is a JSON object {"katex": [[tex, display], …]}
// or {"graphviz": [dot, …]}; the answer is one line, a JSON list of {html} or {error}, in
// the same order.
"use strict";
const path = require("path");
const readline = require("readline");
const modules = process.argv[2];
const katex = require(path.join(modules, "katex"));
let graphviz = null; // compiled on the first diagram: most pages have none

function typeset([tex, display]) {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
  } catch (error) {
    return { error: error.message };
  }
}

function draw(viz, dot) {
  const result = viz.render(dot, { format: "svg" });
  const errors = result.errors.filter((e) => e.level === "error").map((e) => e.message.trim());
  return result.status === "success" && !errors.length ? { html: result.output } : { error: errors.join("; ") || "failed" };
}

async function answer(request) {
  if (request.katex) return request.katex.map(typeset);
  graphviz ??= require(path.join(modules, "@viz-js", "viz")).instance();
  const viz = await graphviz;
  return request.graphviz.map((dot) => draw(viz, dot));
}

// Answers go out in the order the requests came, one request at a time.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  queue = queue.then(async () => process.stdout.write(JSON.stringify(await answer(JSON.parse(line))) + "\n"));
});
