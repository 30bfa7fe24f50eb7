// Runnable blocks (```python runnable): the reader edits the code and runs it in the browser.
//
// A page without one fetches nothing. A page with one fetches the editor's ES modules
// (prism-code-editor from npm, about 26 KB compressed) and turns each block's code into an
// editor; Escape leaves it, then Tab moves on. Pyodide (npm's `pyodide`, about 6.5 MB
// compressed) and the project's wheel are fetched at the first Run only, from the site's
// own assets, and the one interpreter is kept on `window` for the rest of the visit
// (Material's instant navigation keeps this script and its globals).
//
// The blocks of a page share one namespace, as at build: pressing Run on a block first runs
// the page's earlier runnable blocks that have not run yet, in page order.
(() => {
  const assets = new URL("../assets/", document.currentScript.src);
  const asset = (path) => new URL(path, assets).href;
  let editor = null;

  const loadEditor = () =>
    (editor ??= (async () => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = asset("editor/layout.css");
      document.head.appendChild(link);
      const [core, commands] = await Promise.all([
        import(asset("editor/index.js")),
        import(asset("editor/extensions/commands/index.js")),
        import(asset("editor/prism/languages/python.js")),
        import(asset("editor/languages/python.js")),
      ]);
      return { core, commands };
    })());

  // The Python each Run calls: the block runs in its page's namespace, its prints and its
  // traceback (the block's own frames only) are captured.
  const RUNNER = `
import contextlib, io, linecache, traceback

_handbook_namespaces = {}

def _handbook_run(page, name, code):
    namespace = _handbook_namespaces.setdefault(page, {"__name__": "__main__"})
    linecache.cache[name] = (len(code), None, code.splitlines(True), name)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(code, name, "exec"), namespace)
        except BaseException as error:
            frames = error.__traceback__.tb_next  # not this function's own frame
            return out.getvalue(), "".join(traceback.format_exception(type(error), error, frames))
    return out.getvalue(), None
`;

  const loadPython = () =>
    (window.handbookPython ??= (async () => {
      const { loadPyodide } = await import(asset("pyodide/pyodide.mjs"));
      const pyodide = await loadPyodide({ indexURL: asset("pyodide/") });
      const name = (await (await fetch(asset("python/wheel.txt"))).text()).trim();
      const wheel = await fetch(asset(`python/${name}`));
      if (!wheel.ok) throw new Error(`could not fetch ${name} (HTTP ${wheel.status})`);
      pyodide.unpackArchive(await wheel.arrayBuffer(), "wheel");
      pyodide.runPython(RUNNER);
      return pyodide;
    })().catch((error) => {
      window.handbookPython = undefined; // the next Run tries again
      throw error;
    }));

  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  const show = (block, stdout, error) => {
    const parts = [];
    if (stdout) {
      parts.push(
        '<div class="language-text highlight"><span class="filename">Output · run in your browser</span>' +
          `<pre><code>${escape(stdout.replace(/\n$/, ""))}</code></pre></div>`,
      );
    }
    if (error) {
      parts.push(
        '<div class="handbook-error handbook-runnable__traceback" role="note">' +
          `<span class="handbook-error__label">Traceback</span><pre><code>${escape(error)}</code></pre></div>`,
      );
    }
    if (!parts.length) parts.push('<p class="handbook-runnable__empty">Ran in your browser: no output.</p>');
    block.output.innerHTML = parts.join("");
  };

  let pages = 0; // each page shown gets a namespace of its own

  const bind = async (body) => {
    const elements = [...body.querySelectorAll(".handbook-runnable")];
    if (!elements.length) return;
    const page = `page-${++pages}`;
    const { core, commands } = await loadEditor();
    const blocks = elements.map((element, index) => {
      const pre = element.querySelector(".handbook-runnable__code pre");
      const source = pre.querySelector("code").textContent.replace(/\n$/, "");
      const holder = document.createElement("div");
      holder.className = "handbook-runnable__editor";
      pre.after(holder);
      pre.hidden = true;
      const ed = core.createEditor(
        holder,
        { language: "python", value: source, tabSize: 4, lineNumbers: true },
        commands.defaultCommands(),
        commands.editHistory(),
      );
      ed.textarea.setAttribute("aria-label", `Python code of runnable block ${index + 1} (editable)`);
      const bar = element.querySelector(".handbook-runnable__bar");
      bar.hidden = false;
      return {
        element,
        editor: ed,
        name: `block ${index + 1}`,
        button: bar.querySelector(".handbook-runnable__run"),
        status: bar.querySelector(".handbook-runnable__status"),
        output: element.querySelector(".handbook-runnable__output"),
        ran: false,
      };
    });
    let busy = false;
    const run = async (target) => {
      if (busy) return;
      busy = true;
      blocks.forEach((b) => b.button.setAttribute("aria-disabled", "true"));
      try {
        target.status.textContent = window.handbookPython ? "Running…" : "Loading Python (first run only)…";
        const pyodide = await loadPython();
        const runner = pyodide.globals.get("_handbook_run");
        for (const block of blocks.slice(0, blocks.indexOf(target) + 1)) {
          if (block.ran && block !== target) continue;
          block.status.textContent = "Running…";
          const result = runner(page, block.name, block.editor.value);
          const [stdout, error] = result.toJs();
          result.destroy();
          block.ran = true;
          block.status.textContent = "";
          show(block, stdout, error);
          if (error && block !== target) {
            target.status.textContent = `Stopped: ${block.name}, which this one runs after, raised an error.`;
            break;
          }
        }
        runner.destroy();
      } catch (error) {
        target.status.textContent = `Could not run Python here: ${error.message}`;
      } finally {
        busy = false;
        blocks.forEach((b) => b.button.removeAttribute("aria-disabled"));
      }
    };
    blocks.forEach((block) => block.button.addEventListener("click", () => run(block)));
  };

  document$.subscribe(({ body }) => {
    bind(body).catch((error) => console.error("runnable blocks:", error));
  });
})();
