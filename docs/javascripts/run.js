// Runnable blocks (```python runnable): the reader edits the code and runs it in the browser.
//
// A page without one fetches nothing. A page with one fetches the editor's ES modules
// (prism-code-editor from npm, about 26 KB compressed) and turns each block's code into an
// editor; Escape leaves it, then Tab moves on. Pyodide (npm's `pyodide`, about 6.5 MB
// compressed) and the project's wheel are fetched at the first Run only, from the site's
// own assets, by a worker that runs the reader's Python off the page's thread; the one worker
// is kept on `window` for the rest of the visit (Material's instant navigation keeps this
// script and its globals). Stop ends a run that does not end.
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

  // Python runs in a worker (python-worker.js), off the page's thread: a block that loops
  // forever leaves the page responsive, and Stop ends it by ending the worker. The one worker
  // is kept on `window` for the rest of the visit; after a Stop the next Run starts another.
  const worker = new URL("python-worker.js", document.currentScript.src);

  class Stopped extends Error {}

  const startPython = () => {
    const thread = new Worker(worker, { type: "module" });
    const waiting = new Map(); // run id -> the promise's resolve and reject
    let next = 0;
    let started;
    const ready = new Promise((resolve, reject) => {
      started = { resolve, reject };
    });
    const fail = (error) => {
      thread.terminate();
      started.reject(error); // nothing, once Python is ready
      waiting.forEach(({ reject }) => reject(error));
      waiting.clear();
    };
    thread.onmessage = ({ data }) => {
      if (data.type === "ready") started.resolve();
      else if (data.type === "failed") fail(new Error(data.message));
      else {
        waiting.get(data.id)?.resolve(data);
        waiting.delete(data.id);
      }
    };
    thread.onerror = (event) => {
      event.preventDefault();
      fail(new Error(event.message || "the Python worker could not start"));
    };
    const python = {
      ready,
      run: (page, name, code) =>
        new Promise((resolve, reject) => {
          const id = ++next;
          waiting.set(id, { resolve, reject });
          thread.postMessage({ type: "run", id, page, name, code });
        }),
      stop: () => fail(new Stopped()),
    };
    thread.postMessage({ type: "load", assets: assets.href });
    ready.catch(() => {
      if (window.handbookPython === python) window.handbookPython = undefined; // the next Run tries again
    });
    return python;
  };

  const loadPython = () => (window.handbookPython ??= startPython());

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
        stop: bar.querySelector(".handbook-runnable__stop"),
        status: bar.querySelector(".handbook-runnable__status"),
        output: element.querySelector(".handbook-runnable__output"),
        ranIn: null, // the Python it last ran in
      };
    });
    let busy = false;
    const run = async (target) => {
      if (busy) return;
      busy = true;
      blocks.forEach((b) => b.button.setAttribute("aria-disabled", "true"));
      target.stop.hidden = false;
      try {
        target.status.textContent = window.handbookPython ? "Running…" : "Loading Python (first run only)…";
        const python = loadPython();
        await python.ready;
        for (const block of blocks.slice(0, blocks.indexOf(target) + 1)) {
          if (block.ranIn === python && block !== target) continue;
          block.status.textContent = "Running…";
          const { stdout, error } = await python.run(page, block.name, block.editor.value);
          block.ranIn = python; // a Stop starts a new Python, in which nothing has run yet
          block.status.textContent = "";
          show(block, stdout, error);
          if (error && block !== target) {
            target.status.textContent = `Stopped: ${block.name}, which this one runs after, raised an error.`;
            break;
          }
        }
      } catch (error) {
        blocks.forEach((b) => {
          if (b !== target) b.status.textContent = "";
        });
        target.status.textContent =
          error instanceof Stopped
            ? "Stopped. The next Run starts Python afresh, with the blocks above this one first."
            : `Could not run Python here: ${error.message}`;
      } finally {
        busy = false;
        blocks.forEach((b) => b.button.removeAttribute("aria-disabled"));
        const refocus = document.activeElement === target.stop;
        target.stop.hidden = true;
        if (refocus) target.button.focus(); // the focus stays in the block, not lost with the button
      }
    };
    blocks.forEach((block) => {
      block.button.addEventListener("click", () => run(block));
      block.stop.addEventListener("click", () => {
        window.handbookPython?.stop();
        window.handbookPython = undefined;
      });
    });
  };

  document$.subscribe(({ body }) => {
    bind(body).catch((error) => console.error("runnable blocks:", error));
  });
})();
