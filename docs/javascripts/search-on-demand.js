// The search index is the site's largest file (about 340 KB compressed). Material's bundle
// requests it as soon as a page loads; this holds that one request back until the reader
// first puts the cursor in the search box (by click, tab or Material's / and s keys), or
// opens a page with a ?q= query. Loaded in the head, before the bundle; one per visit, so
// instant navigation keeps it.
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  let release;
  const wanted = new Promise((resolve) => (release = resolve));
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.handbookIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.handbookIndex) return send.apply(this, args);
    wanted.then(() => send.apply(this, args));
  };
  document.addEventListener("focusin", (event) => {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  });
  if (new URLSearchParams(location.search).has("q")) release();
})();
