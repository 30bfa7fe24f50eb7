// The reader's Python, in a worker of its own (run.js starts it at the first Run, as a module
// worker). Off the page's thread, a block that loops forever cannot freeze the page, and Stop
// ends it by ending this worker; the next Run starts a new one.
//
// Messages in: {type: "load", assets} once, then {type: "run", id, page, name, code}.
// Messages out: {type: "ready"} or {type: "failed", message}; {type: "result", id, stdout, error}.

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

let runner = null;

const load = async (assets) => {
  const asset = (path) => new URL(path, assets).href;
  const { loadPyodide } = await import(asset("pyodide/pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL: asset("pyodide/") });
  const name = (await (await fetch(asset("python/wheel.txt"))).text()).trim();
  const wheel = await fetch(asset(`python/${name}`));
  if (!wheel.ok) throw new Error(`could not fetch ${name} (HTTP ${wheel.status})`);
  pyodide.unpackArchive(await wheel.arrayBuffer(), "wheel");
  pyodide.runPython(RUNNER);
  return pyodide.globals.get("_handbook_run");
};

self.onmessage = async ({ data }) => {
  if (data.type === "load") {
    try {
      runner = await load(data.assets);
      postMessage({ type: "ready" });
    } catch (error) {
      postMessage({ type: "failed", message: error.message });
    }
    return;
  }
  // run.js sends a run only after "ready", and the next only after this one's result.
  const result = runner(data.page, data.name, data.code);
  const [stdout, error] = result.toJs();
  result.destroy();
  postMessage({ type: "result", id: data.id, stdout, error });
};
