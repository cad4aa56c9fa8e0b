/*! tokenworth embed loader (see README.md, "Hosting notes")
 *
 * Usage on any page:
 *   <div data-tokenworth></div>
 *   <script async src="https://example.org/tokenworth/embed.js"></script>
 *
 * A classic script on purpose (no inline code, no eval): it works under a
 * strict CSP such as
 *   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
 * and with or without `async` / `defer`, before or after the host elements.
 *
 * What it does:
 *   1. window.tokenworth = { ready: Promise } (kept if already there, so
 *      including this file twice loads the app once);
 *   2. imports tokenworth.js next to this file and runs its default init with
 *      tokenworth_bg.wasm next to this file; the wasm main() (src/web) then
 *      adds the API to window.tokenworth and mounts every host element;
 *   3. resolves `ready` with window.tokenworth, or rejects it and logs one
 *      console.error.
 *
 * `embed-<version>.js` is a byte-identical copy for Subresource Integrity.
 */
(function () {
  'use strict';

  // Must be read synchronously: currentScript is null once this function
  // has returned (and in callbacks).
  var script = document.currentScript;

  var existing = window.tokenworth;
  if (existing && typeof existing === 'object' && existing.ready && typeof existing.ready.then === 'function') {
    return; // Already loading or loaded (script included twice).
  }

  var api = existing && typeof existing === 'object' ? existing : {};
  var resolveReady, rejectReady;
  api.ready = new Promise(function (resolve, reject) {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Mark the promise as handled so a failure is reported once (below), not
  // again as an "Uncaught (in promise)"; callers can still await or catch it.
  api.ready.catch(function () {});
  window.tokenworth = api;

  // The directory this file was served from; the wasm app sits next to it.
  var src = script && script.src;
  if (!src) {
    // Loaded in an unusual way (e.g. injected as a module): best effort.
    var tagged = document.querySelectorAll('script[src*="embed"]');
    src = tagged.length ? tagged[tagged.length - 1].src : document.baseURI;
  }
  var base = new URL('.', src);
  Object.defineProperty(api, 'baseUrl', { value: base.href, enumerable: false });

  // Start fetching the JS glue at once; run it once the document is parsed,
  // so every host element written in the HTML is there when main() looks.
  var glue = import(new URL('tokenworth.js', base).href);

  function domReady() {
    if (document.readyState !== 'loading') return Promise.resolve();
    return new Promise(function (resolve) {
      document.addEventListener('DOMContentLoaded', function () { resolve(); }, { once: true });
    });
  }

  /* Hook: fall back to iframe mode.
   * A host whose CSP lacks 'wasm-unsafe-eval' makes WebAssembly compilation
   * throw (a CompileError mentioning 'unsafe-eval'). The plan is to replace
   * each host element with an <iframe> of the standalone page (same origin
   * as `base`, where the CSP allows wasm) so the reader still gets a widget.
   * Return a promise for window.tokenworth when that worked, or null to
   * report the error as is. Not implemented yet. */
  function fallbackToIframe(error) {
    void error;
    return null;
  }

  Promise.all([glue, domReady()])
    .then(function (results) {
      var init = results[0].default;
      return init({ module_or_path: new URL('tokenworth_bg.wasm', base) });
    })
    .then(function () {
      resolveReady(window.tokenworth);
    })
    .catch(function (error) {
      var fallback = fallbackToIframe(error);
      return fallback ? fallback.then(resolveReady) : Promise.reject(error);
    })
    .catch(function (error) {
      console.error('tokenworth: could not start the calculator:', error);
      rejectReady(error);
    });
})();
