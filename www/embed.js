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

  /* ---- iframe mode -------------------------------------------------------
   * <div data-tokenworth data-mode="iframe" …> gets an <iframe> of
   * embed.html (next to this file) in its own shadow root, sized from the
   * frame's messages. Also the fallback when this page's CSP forbids
   * compiling WebAssembly: then every host is shown this way.
   *
   * Message format (frame -> parent, see README "Embed it"):
   *   { type: 'tokenworth:height', version: 1, height: <CSS px> }
   *   { type: 'tokenworth:change', version: 1, scenario: '<query>',
   *     headline: '<decimal>', worth: '<decimal>' }
   * Accepted only when event.origin is the frame page's origin AND
   * event.source is that very iframe's window.
   */
  // The presentation keys of src/codec/keys.rs (a native test checks these
  // lists against it): widget options, forwarded to the iframe page, and
  // host-only attributes, which are not.
  const OPTION_KEYS = ['theme', 'accent', 'compact', 'lock', 'hide', 'link', 'link-scenario'];
  const HOST_KEYS = ['tokenworth', 'tokenworth-badge', 'scenario', 'mode', 'title', 'frame', 'standalone'];

  var frames = new Map(); // host element -> iframe
  var allFrames = false; // true once WebAssembly turned out to be blocked
  var frameOrigin = new URL('embed.html', base).origin;

  function frameQuery(host, scenario) {
    var params = new URLSearchParams();
    var singles = [];
    Array.prototype.forEach.call(host.attributes, function (attr) {
      var name = attr.name.toLowerCase();
      if (name.indexOf('data-') !== 0) return;
      var key = name.slice(5);
      if (key === 'scenario') {
        if (scenario == null) params = new URLSearchParams(attr.value);
        return;
      }
      if (HOST_KEYS.indexOf(key) >= 0) return;
      if (key.indexOf('b-') === 0) key = 'b.' + key.slice(2);
      singles.push([key, attr.value]);
    });
    if (typeof scenario === 'string') params = new URLSearchParams(scenario);
    singles.forEach(function (pair) {
      if (scenario == null || isPresentation(pair[0])) {
        params.set(pair[0], pair[1]);
      }
    });
    params.set('frame', '1');
    return params.toString();
  }

  function isPresentation(key) {
    return OPTION_KEYS.indexOf(key) >= 0;
  }

  function onFrameMessage(event) {
    if (event.origin !== frameOrigin) return;
    frames.forEach(function (iframe, host) {
      if (event.source !== iframe.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object') return;
      if (data.type === 'tokenworth:height') {
        var height = Number(data.height);
        if (!isFinite(height) || height < 0 || height > 100000) return;
        iframe.style.height = Math.ceil(height) + 'px';
      } else if (data.type === 'tokenworth:change') {
        host.dispatchEvent(new CustomEvent('tokenworth:change', {
          bubbles: true,
          composed: true,
          detail: {
            scenario: String(data.scenario || ''),
            headline: String(data.headline || ''),
            worth: String(data.worth || ''),
          },
        }));
      }
    });
  }

  function mountFrame(host, scenario) {
    unmountFrame(host);
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var iframe = document.createElement('iframe');
    iframe.src = new URL('embed.html?' + frameQuery(host, scenario), base).href;
    iframe.title = host.getAttribute('data-title') || 'tokenworth calculator';
    // CSSOM, not a style attribute: allowed under a strict style-src.
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = '640px';
    if (frames.size === 0) window.addEventListener('message', onFrameMessage);
    frames.set(host, iframe);
    root.replaceChildren(iframe);
    return iframe;
  }

  function unmountFrame(host) {
    var iframe = frames.get(host);
    if (!iframe) return false;
    frames.delete(host);
    iframe.remove();
    if (frames.size === 0) window.removeEventListener('message', onFrameMessage);
    return true;
  }

  function wantsFrame(el) {
    return el.matches('[data-tokenworth]') &&
      (allFrames || el.getAttribute('data-mode') === 'iframe') && !frames.has(el);
  }

  function scanFrames(root) {
    if (root.nodeType !== 1) return;
    if (wantsFrame(root)) mountFrame(root);
    root.querySelectorAll('[data-tokenworth]').forEach(function (el) {
      if (wantsFrame(el)) mountFrame(el);
    });
  }

  // iframe hosts added later, and frames whose host left the page.
  var frameObserver = new MutationObserver(function (records) {
    var removed = false;
    records.forEach(function (record) {
      removed = removed || record.removedNodes.length > 0;
      record.addedNodes.forEach(function (node) {
        if (node.isConnected) scanFrames(node);
      });
    });
    if (removed) {
      frames.forEach(function (iframe, host) {
        if (!host.isConnected) unmountFrame(host);
      });
    }
  });

  function watchFrames() {
    scanFrames(document.documentElement);
    frameObserver.observe(document.documentElement, { childList: true, subtree: true });
  }

  // The wasm API does not know iframe hosts: route them here.
  function wrapApi() {
    var rustMount = api.mount;
    var rustUnmount = api.unmount;
    var rustStop = api.stop;
    api.mount = function (element, scenario, options) {
      if (element instanceof Element && (allFrames || element.getAttribute('data-mode') === 'iframe')) {
        mountFrame(element, typeof scenario === 'string' ? scenario : null);
        return 'frame';
      }
      if (!rustMount) throw new Error('tokenworth: WebAssembly is blocked on this page; only iframe widgets are available');
      return rustMount(element, scenario, options);
    };
    api.unmount = function (element) {
      var frame = unmountFrame(element);
      return rustUnmount ? rustUnmount(element) || frame : frame;
    };
    api.stop = function () {
      frameObserver.disconnect();
      Array.from(frames.keys()).forEach(unmountFrame);
      if (rustStop) rustStop();
    };
  }

  /* WebAssembly blocked by this page's CSP (no 'wasm-unsafe-eval'): show
   * every host as an iframe of embed.html, whose own CSP allows wasm. */
  function isCspBlock(error) {
    var text = String(error && error.message || error);
    return /unsafe-eval|Content Security Policy|CSP/i.test(text);
  }

  function fallbackToIframe(error) {
    if (!isCspBlock(error)) return null;
    console.warn('tokenworth: this page does not allow WebAssembly (CSP); showing the calculator in iframes instead.');
    allFrames = true;
    api.mode = 'iframe';
    api.compute = function () {
      throw new Error("tokenworth.compute: this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval')");
    };
    wrapApi();
    scanFrames(document.documentElement);
    return Promise.resolve(api);
  }

  domReady().then(watchFrames);

  Promise.all([glue, domReady()])
    .then(function (results) {
      var init = results[0].default;
      return init({ module_or_path: new URL('tokenworth_bg.wasm', base) });
    })
    .then(function () {
      api.mode = 'script';
      wrapApi();
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
