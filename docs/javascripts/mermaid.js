// Mermaid (2.7 MB) is fetched only by a page that has a diagram, and only once per visit.
// Material draws `pre.mermaid` with the global `mermaid`, and fetches it from a CDN when
// there is none; this stands in for it until the first diagram, then loads the copy the site
// serves (from npm) and hands over. It is a global, so it survives instant navigation.
(() => {
  const source = new URL("../assets/mermaid/mermaid.min.js", document.currentScript.src).href;
  let loading = null;
  let settings = null;
  const load = () =>
    (loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = source;
      script.onload = () => {
        window.mermaid.initialize(settings ?? {});
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error(`could not load ${source}`));
      document.head.appendChild(script);
    }));
  window.mermaid = {
    initialize(config) {
      settings = config; // Material's theme; applied once the library is here
    },
    render(id, text, container) {
      return load().then((mermaid) => mermaid.render(id, text, container));
    },
  };
})();
