/*! tokenworth embed loader (see README.md, "Embed it" and "Hosting")
 *
 * Usage on any page:
 *   <div data-tokenworth></div>
 *   <script async src="https://example.org/tokenworth/embed-<version>.js"
 *           integrity="sha384-…" crossorigin="anonymous"></script>
 *
 * A classic script on purpose (no inline code, no eval, one file so that one
 * integrity hash covers it): it works under a strict CSP such as
 *   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
 * and under Trusted Types, with or without `async` / `defer`, before or after
 * the host elements.
 *
 * What it does:
 *   1. window.tokenworth = { ready: Promise } (kept if already there, so
 *      including this file twice loads each module once);
 *   2. loads wasm modules, listed in APP_FILES below with the hashes that
 *      scripts/trunk-post-build.sh writes in at build time, from the
 *      directory of this file, and lets nothing in them run unless it matches
 *      its hash: the app (everything, with the Yew calculator) where a
 *      calculator host is on the page when this file runs; otherwise the
 *      core (badges and tokenworth.compute, no yew), and the app beside it
 *      only once a calculator host appears or tokenworth.mount() is called.
 *      Each wasm main() (src/web) adds its part of the API to
 *      window.tokenworth, and this file joins them (joinApi);
 *   3. resolves `ready` with window.tokenworth once what the parsed page
 *      needs runs; or rejects it, logs one console.error and shows a short
 *      fallback line in each empty host.
 *
 * `embed-<version>.js` is a byte-identical copy for Subresource Integrity.
 */
(() => {
  'use strict';

  /* ---- Pristine references ------------------------------------------------
   * The host page may hold named elements (<img name="currentScript">,
   * <form id="tokenworth">, <embed name="createElement">…). They shadow the
   * members of `document`, and any global that is not the window's own
   * property. So: document members are read through Document.prototype, and
   * every global that may be missing is type-checked before use. */
  const { apply } = Reflect;
  const typeTag = (value) => apply(Object.prototype.toString, value, []);
  const DocumentProto = Document.prototype;
  const documentGetter = (name) => Object.getOwnPropertyDescriptor(DocumentProto, name).get;
  const readCurrentScript = documentGetter('currentScript');
  const readReadyState = documentGetter('readyState');
  const readDocumentElement = documentGetter('documentElement');
  const readHead = documentGetter('head');
  const { querySelectorAll, createElement } = DocumentProto;
  const { addEventListener } = EventTarget.prototype;

  const doc = {
    currentScript: () => apply(readCurrentScript, document, []),
    readyState: () => apply(readReadyState, document, []),
    root: () => apply(readDocumentElement, document, []),
    head: () => apply(readHead, document, []),
    all: (selector) => apply(querySelectorAll, document, [selector]),
    create: (tag) => apply(createElement, document, [tag]),
    listen: (type, listener) => apply(addEventListener, document, [type, listener, { once: true }]),
  };

  /* The wasm modules' files, next to this one: content-hashed (immutable)
   * names and their Subresource Integrity hashes, written in by
   * scripts/trunk-post-build.sh. The unbuilt www/embed.js still has the
   * placeholders and refuses to load anything. One entry per file; one
   * module = its JS glue and its wasm. The core's wasm is ~3x smaller than
   * the app's (README, "Performance"): pages with only badges or only the
   * API load it alone. */
  const APP_FILES = {
    glue: { name: '@GLUE_NAME@', integrity: '@GLUE_INTEGRITY@' },
    wasm: { name: '@WASM_NAME@', integrity: '@WASM_INTEGRITY@' },
    coreGlue: { name: '@CORE_GLUE_NAME@', integrity: '@CORE_GLUE_INTEGRITY@' },
    coreWasm: { name: '@CORE_WASM_NAME@', integrity: '@CORE_WASM_INTEGRITY@' },
  };
  const MODULES = {
    core: { glue: APP_FILES.coreGlue, wasm: APP_FILES.coreWasm },
    app: { glue: APP_FILES.glue, wasm: APP_FILES.wasm },
  };

  // This script's own element, read synchronously (currentScript is null
  // once this function has returned). Only a real <script> counts.
  const ownScript = () => {
    const current = doc.currentScript();
    if (current instanceof HTMLScriptElement) return current;
    // currentScript is null when this file is imported as a module: the last
    // <script> that names a loader. querySelectorAll (through the prototype)
    // returns elements only, and a <script> has no named children.
    const scripts = doc.all('script[src]');
    for (let i = scripts.length - 1; i >= 0; i -= 1) {
      if (/\/embed(-[^/?#]+)?\.js([?#]|$)/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  };
  const script = ownScript();

  // A named element (<form id="tokenworth">) is not a previous load: only a
  // plain object is ours or the page's.
  const existing = window.tokenworth;
  const isPlainObject = (value) => typeTag(value) === '[object Object]';
  if (isPlainObject(existing) && existing.ready instanceof Promise) {
    return; // Already loading or loaded (script included twice).
  }

  const api = isPlainObject(existing) ? existing : {};
  let resolveReady;
  let rejectReady;
  api.ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Mark the promise as handled so a failure is reported once (below), not
  // again as an "Uncaught (in promise)"; callers can still await or catch it.
  api.ready.catch(() => {});
  // An own property of window: it wins over any element named "tokenworth".
  window.tokenworth = api;

  /* ---- Placeholders: the widget's space, reserved before the app runs --------
   * Each empty widget host gets, as soon as this script sees it, a box of the
   * height the widget will have (same shadow root, same :host rules), so the
   * page around it does not move when the app replaces the box (issue 11).
   * In iframe mode the iframe starts at that height.
   *
   * The height of the embedded widget (the article layout of ui/app.rs: the
   * answer, the four inputs unless compact, the share bar, the fold, 16 px
   * apart, inside 16 px of padding and a 1 px border; 12 px of padding on a
   * viewport up to 480 px wide) is the sum of its parts, each a function of
   * the widget's content width. PLACEHOLDER_PARTS holds them as measured on
   * the real widget by scripts/placeholder-heights.mjs (headless Chromium,
   * every width from 200 to 1240 px; the default scenario for one offer,
   * base 500k + tokens 250k against 560k for two): per part, straight
   * segments [from width, height there, px of height per px of width].
   * Regenerate it when the widget's layout changes;
   * tests/e2e/placeholder.test.mjs fails until then. Text that wraps
   * differently (another verdict, other labels, another font) can be a line
   * off: the widget then still moves the page by that line, not by its height. */
  const PLACEHOLDER_PARTS = {
    answerOne: [200, 553.8, 0, 215, 528.6, 0, 227, 510.6, 0, 244, 509.4, 0, 253, 484.2, 0, 258, 459, 0, 260, 444.6, 0.0106, 286, 445, 0.0915, 294, 420.5, 0.0918, 344, 406, 0, 345, 380.9, 0.092, 408, 361.5, 0.0904, 515, 371, 0, 543, 345.9, 0, 784, 320.7, 0],
    answerTwo: [200, 809.3, 0, 222, 784.1, 0, 227, 748.1, 0, 244, 745.7, 0, 249, 720.5, 0, 260, 691.8, 0, 272, 666.6, 0.0142, 284, 666.9, 0.1846, 339, 651.9, 0.1797, 344, 614.4, 0.1842, 430, 605.1, 0.1839, 500, 363.5, 0, 504, 362.3, 0, 535, 347.9, 0.0052, 587, 348.2, 0.0461, 628, 324.9, 0.0458, 703, 309.2, 0.0453, 1046, 324.7, 0, 1238, 299.5, 0],
    formAdd: [200, 590, 0, 201, 570.3, 0, 227, 549.1, 0, 236, 529.4, 0, 368, 509.7, 0, 480, 323.5, 0, 740, 303.9, 0, 976, 200.9, 0],
    formNoCompare: [200, 530.4, 0, 201, 510.7, 0, 236, 491, 0, 368, 471.3, 0, 480, 285.2, 0, 740, 265.5, 0, 976, 162.5, 0],
    formTwo: [200, 614.8, 0, 201, 595.1, 0, 236, 575.4, 0, 311, 529.4, 0, 368, 509.7, 0, 480, 323.5, 0, 740, 303.9, 0, 976, 200.9, 0],
    share: [200, 107.4, 0, 213, 83.4, 0, 333, 51.4, 0],
    shareNoCopy: [200, 61, 0, 213, 37, 0],
    fold: [200, 60.2, 0, 203, 38.6, 0],
    foldCompact: [200, 38.6, 0],
  }; // end of PLACEHOLDER_PARTS

  /** The height of a part at content width `width` (px). */
  function partHeight(name, width) {
    const s = PLACEHOLDER_PARTS[name];
    let i = 0;
    while (i + 3 < s.length && s[i + 3] <= width) i += 3;
    return s[i + 1] + s[i + 2] * (Math.max(width, s[i]) - s[i]);
  }

  /** The widget's layout settings, from the host's attributes (the iframe
   * page's: its address), or a scenario given to tokenworth.mount. */
  function widgetLayout(host, scenario) {
    const options = new Map();
    let offerB = false;
    const scenarioKeys = (query) => new URLSearchParams(query).forEach((_, key) => {
      offerB = offerB || key.toLowerCase().startsWith('b.');
    });
    if (host.hasAttribute('data-frame')) {
      new URLSearchParams(window.location.search).forEach((value, key) => {
        if (OPTION_KEYS.includes(key)) options.set(key, value);
        else offerB = offerB || key.toLowerCase().startsWith('b.');
      });
    } else {
      for (const attr of host.attributes) {
        const key = attr.name.toLowerCase().replace(/^data-/, '');
        if (OPTION_KEYS.includes(key)) options.set(key, attr.value.toLowerCase());
        else if (typeof scenario === 'string') continue;
        else if (key === 'scenario') scenarioKeys(attr.value);
        else offerB = offerB || key.startsWith('b-');
      }
      if (typeof scenario === 'string') scenarioKeys(scenario);
    }
    const hide = (options.get('hide') || '').split(',').map((s) => s.trim());
    const theme = options.get('theme');
    return {
      offerB,
      // publish::parse_flag: present, or a yes.
      compact: ['', '1', 'true', 'yes', 'on', 'compact'].includes(options.get('compact')),
      hideShare: hide.includes('share'),
      hideCompare: hide.includes('compare'),
      theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    };
  }

  /** The border-box height of the widget `width` px wide (px). */
  function widgetHeight(layout, width, narrow) {
    const frame = 2 * (narrow ? 12 : 16) + 2; // .tw padding and border
    const content = width - frame;
    const gap = 16; // .tw.article
    const form = layout.offerB ? 'formTwo' : layout.hideCompare ? 'formNoCompare' : 'formAdd';
    return frame +
      partHeight(layout.offerB ? 'answerTwo' : 'answerOne', content) +
      (layout.compact ? 0 : gap + partHeight(form, content)) +
      gap + partHeight(layout.hideShare ? 'shareNoCopy' : 'share', content) +
      gap + partHeight(layout.compact ? 'foldCompact' : 'fold', content);
  }

  /** The host's content-box width (px). */
  function contentWidth(host) {
    const style = getComputedStyle(host);
    return host.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  /** The placeholder's height in `host` (px). */
  function placeholderHeight(host) {
    return widgetHeight(widgetLayout(host), contentWidth(host), window.matchMedia('(max-width: 480px)').matches);
  }

  /** An iframe's starting height: the widget as the frame page lays it out
   * (its own viewport is the iframe, as wide as the host) plus embed.css's
   * 1 px above and below. */
  function frameHeight(host, scenario) {
    const width = contentWidth(host);
    return widgetHeight(widgetLayout(host, scenario), width, width <= 480) + 2;
  }

  // The :host rules of the widget's stylesheet that size the host (ui/style.css),
  // and the widget's background and border in its theme (its custom properties
  // included), so the box is the widget's until it is the widget.
  const PLACEHOLDER_CSS = `:host { all: initial; display: block; }
:host([hidden]) { display: none; }
.tw-placeholder { box-sizing: border-box; border: 1px solid var(--tw-line, #e3e3e0); border-radius: 12px; background: var(--tw-bg, #ffffff); }
.tw-placeholder.theme-dark { border-color: var(--tw-line-dark, #2e3038); background: var(--tw-bg-dark, #17181c); }
@media (prefers-color-scheme: dark) {
  .tw-placeholder.theme-auto { border-color: var(--tw-line-dark, #2e3038); background: var(--tw-bg-dark, #17181c); }
}
@media (max-width: 480px) { .tw-placeholder { border-radius: 10px; } }`;
  let placeholderSheet = null;
  const placeholders = new WeakSet(); // hosts showing a placeholder
  let placeholderObserver = null;

  function wantsPlaceholder(el) {
    return el.matches('[data-tokenworth]') && !el.hasAttribute('data-standalone') &&
      !el.shadowRoot && el.childElementCount === 0 && el.textContent.trim() === '' &&
      el !== doc.root() && el.localName !== 'body';
  }

  /** Placeholders in every empty host in `roots` (and below): the boxes first,
   * then every width read at once (one layout), then the heights. */
  function reserveSpace(roots) {
    const boxes = [];
    roots.forEach((root) => {
      if (root.nodeType !== Node.ELEMENT_NODE) return;
      [root, ...root.querySelectorAll('[data-tokenworth]')].forEach((host) => {
        if (!wantsPlaceholder(host)) return;
        try {
          if (!placeholderSheet) {
            placeholderSheet = new CSSStyleSheet();
            placeholderSheet.replaceSync(PLACEHOLDER_CSS);
          }
          const shadow = host.attachShadow({ mode: 'open' });
          shadow.adoptedStyleSheets = [placeholderSheet];
          const box = doc.create('div');
          box.className = `tw-placeholder theme-${widgetLayout(host).theme}`;
          shadow.replaceChildren(box);
          placeholders.add(host);
          boxes.push([host, box]);
        } catch {
          // An element that cannot have a shadow root: the app says why.
        }
      });
    });
    boxes
      .map(([host, box]) => [box, host.getAttribute('data-mode') === 'iframe' ? frameHeight(host) : placeholderHeight(host)])
      .forEach(([box, height]) => {
        box.style.height = `${height}px`;
      });
  }

  /** From now until the app runs: hosts already there, and each as it is
   * parsed or added (a MutationObserver runs before the next paint). */
  function startPlaceholders() {
    reserveSpace([doc.root()]);
    placeholderObserver = new MutationObserver((records) => {
      reserveSpace(records.flatMap((r) => Array.from(r.addedNodes)).filter((n) => n.isConnected));
    });
    placeholderObserver.observe(doc.root(), { childList: true, subtree: true });
  }

  function stopPlaceholders() {
    if (placeholderObserver) placeholderObserver.disconnect();
  }

  /* ---- Fail closed ---------------------------------------------------------
   * When the app cannot start (a file does not match its hash, a network
   * error…), nothing of it runs: one console error, `ready` rejects, and each
   * widget host shows the publisher's own content, or this line if empty. */
  const FALLBACK_TEXT = 'The tokenworth calculator could not load.';

  function showFallback() {
    doc.all('[data-tokenworth]').forEach((host) => {
      // The standalone page's prerendered copy (scripts/prerender.mjs) must
      // not stay: it looks like a calculator and nothing in it works.
      const ours = placeholders.has(host) || host.hasAttribute('data-prerendered');
      host.removeAttribute('data-prerendered');
      if (!ours && (host.shadowRoot || host.childElementCount > 0 || host.textContent.trim() !== '')) return;
      try {
        const line = doc.create('p');
        line.textContent = FALLBACK_TEXT;
        // (A browser without declarative shadow DOM left the copy as an
        // inert <template>: no shadow root yet.)
        const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
        shadow.adoptedStyleSheets = [];
        shadow.replaceChildren(line);
      } catch {
        // An element that cannot have a shadow root (<a>, <img>…): leave it.
      }
    });
  }

  // Once per page: the core and the app fail together when the core does.
  let failed = false;
  function fail(error) {
    if (failed) return;
    failed = true;
    stopPlaceholders();
    console.error('tokenworth: could not start the calculator:', error);
    rejectReady(error);
    domReady().then(showFallback);
  }

  function domReady() {
    if (doc.readyState() !== 'loading') return Promise.resolve();
    return new Promise((resolve) => doc.listen('DOMContentLoaded', () => resolve()));
  }

  if (!script) {
    fail(new Error('tokenworth: embed.js could not find its own <script> element'));
    return;
  }
  // The directory this file was served from; the app's files sit next to it.
  const base = new URL('.', script.src);
  const appUrl = (file) => new URL(file.name, base).href;
  Object.defineProperty(api, 'baseUrl', { value: base.href, enumerable: false });
  // The snippet of the Embed panel repeats it (src/web/embed.rs).
  Object.defineProperty(api, 'loaderIntegrity', {
    value: script.getAttribute('integrity') || '',
    enumerable: false,
  });

  const files = Object.values(APP_FILES);
  if (!files.every((file) => file.integrity.startsWith('sha384-'))) {
    fail(new Error('tokenworth: this embed.js has no file hashes (use the one `make dist` writes)'));
    return;
  }

  /* ---- Can this page run the app? -------------------------------------------
   * Structured checks, no guessing from error messages. */

  // WebAssembly compiles only where the page's CSP allows it
  // ('wasm-unsafe-eval'). Compiling the smallest valid module (its 8-byte
  // header) tells at once: under such a CSP Chromium throws a
  // WebAssembly.CompileError ("Refused to compile or instantiate
  // WebAssembly module…") and fires `securitypolicyviolation`; there is no
  // other way for this module to fail.
  const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  function wasmAllowed() {
    if (typeTag(window.WebAssembly) !== '[object WebAssembly]') return false;
    try {
      new WebAssembly.Module(EMPTY_MODULE); // eslint-disable-line no-new
      return true;
    } catch {
      return false;
    }
  }

  // Under Trusted Types (`require-trusted-types-for 'script'`), script.src
  // takes a TrustedScriptURL. This policy passes exactly the app's URLs and
  // nothing else. null where the page has no Trusted Types, or where its
  // `trusted-types` directive does not name "tokenworth" (createPolicy throws).
  const allowedScriptUrls = files.map(appUrl);
  function scriptUrlPolicy() {
    const factory = window.trustedTypes;
    if (typeTag(factory) !== '[object TrustedTypePolicyFactory]') return null;
    try {
      return factory.createPolicy('tokenworth', {
        createScriptURL: (url) => {
          if (allowedScriptUrls.includes(url)) return url;
          throw new TypeError(`tokenworth: not one of the app's files: ${url}`);
        },
      });
    } catch {
      return null;
    }
  }

  // Sets script.src, through the policy when there is one; false when the
  // page enforces Trusted Types and allows no policy of ours: assigning a
  // plain string then throws a TypeError (and nothing else can).
  const policy = scriptUrlPolicy();
  function setScriptSrc(element, url) {
    try {
      element.src = policy ? policy.createScriptURL(url) : url;
      return true;
    } catch (error) {
      if (error instanceof TypeError) return false;
      throw error;
    }
  }

  /* ---- Loading the app, checked -------------------------------------------
   * Glue: a module <script integrity=…> (dynamic import() takes no integrity
   * in any browser yet); once it has loaded, import() of the same URL returns
   * the same module from the module map. If the file does not match, the
   * element fires `error`, nothing of it runs, and the module map keeps the
   * failure, so import() of it fails as well.
   * WebAssembly: fetch(url, { integrity }) rejects unless the bytes match; the
   * glue's init() compiles the Response only then. */
  function importChecked(file, element) {
    const url = appUrl(file);
    return new Promise((resolve, reject) => {
      element.type = 'module';
      element.integrity = file.integrity;
      element.addEventListener('load', () => {
        element.remove();
        resolve(import(url));
      }, { once: true });
      element.addEventListener('error', () => {
        element.remove();
        reject(new Error(`tokenworth: ${url} did not load or does not match its integrity hash`));
      }, { once: true });
      (doc.head() || doc.root()).append(element);
    });
  }

  function fetchChecked(file) {
    const url = appUrl(file);
    return fetch(url, { integrity: file.integrity }).then((response) => {
      if (!response.ok) throw new Error(`tokenworth: ${url}: HTTP ${response.status}`);
      return response;
    }, (cause) => {
      // A bare "TypeError: Failed to fetch" in Chromium (its own console
      // line says why): name the file.
      throw new Error(`tokenworth: ${url} did not load or does not match its integrity hash`, { cause });
    });
  }

  /* ---- iframe mode ---------------------------------------------------------
   * <div data-tokenworth data-mode="iframe" …> gets an <iframe> of
   * embed.html (next to this file) in its own shadow root, sized from the
   * frame's messages. Also the fallback where this page cannot run the app
   * itself (WebAssembly blocked by its CSP, or Trusted Types without the
   * "tokenworth" policy): then every host is shown this way.
   *
   * Messages (README, "Iframe embed"):
   *   parent -> frame, on each load of the frame (to the frame's origin):
   *     { type: 'tokenworth:hello', version: 1 }
   *   frame -> parent:
   *     { type: 'tokenworth:height', version: 1, height: <CSS px> }   (to '*')
   *     { type: 'tokenworth:change', version: 1, scenario: '<query>',
   *       headline: '<decimal>', worth: '<decimal>' }   (only to the origin
   *                                                     that said hello)
   * Accepted only when event.origin is the frame page's origin AND
   * event.source is that very iframe's window. */
  const frames = new Map(); // host element -> iframe
  const MIN_FRAME_HEIGHT = 50; // px; the smallest widget is ~470 px tall
  let allFrames = false; // true once this page turned out unable to run the app
  const frameOrigin = new URL('embed.html', base).origin;
  // The presentation keys of src/codec/keys.rs (a native test checks these
  // lists against it): widget options, forwarded to the iframe page, and
  // host-only attributes, which are not.
  const OPTION_KEYS = ['theme', 'accent', 'compact', 'lock', 'hide', 'link', 'link-scenario', 'tokens-as', 'locale', 'lang'];
  const HOST_KEYS = ['tokenworth', 'tokenworth-badge', 'scenario', 'mode', 'title', 'frame', 'standalone'];

  function frameQuery(host, scenario) {
    let params = new URLSearchParams();
    const singles = [];
    for (const attr of host.attributes) {
      const name = attr.name.toLowerCase();
      if (!name.startsWith('data-')) continue;
      let key = name.slice(5);
      if (key === 'scenario') {
        if (scenario == null) params = new URLSearchParams(attr.value);
        continue;
      }
      if (HOST_KEYS.includes(key)) continue;
      if (key.startsWith('b-')) key = `b.${key.slice(2)}`;
      singles.push([key, attr.value]);
    }
    if (typeof scenario === 'string') params = new URLSearchParams(scenario);
    for (const [key, value] of singles) {
      if (scenario == null || OPTION_KEYS.includes(key)) params.set(key, value);
    }
    // The frame cannot see the publisher's page: the `lang` around the host
    // gives its locale (and so its language), as it does for a script embed.
    if (!params.has('locale')) {
      const lang = pageLang(host);
      if (lang) params.set('locale', lang);
    }
    params.set('frame', '1');
    return params.toString();
  }

  /** The `lang` of the host or its nearest ancestor, if it is a well-formed
   * tag (read through Element.prototype: the page may shadow the methods). */
  function pageLang(host) {
    try {
      const marked = apply(Element.prototype.closest, host, ['[lang]']);
      const tag = marked && apply(Element.prototype.getAttribute, marked, ['lang']).trim();
      return tag ? Intl.getCanonicalLocales(tag)[0] : '';
    } catch {
      return ''; // not a language tag: the frame uses the browser's language
    }
  }

  function onFrameMessage(event) {
    if (event.origin !== frameOrigin) return;
    frames.forEach((iframe, host) => {
      if (event.source !== iframe.contentWindow) return;
      const { data } = event;
      if (!data || typeof data !== 'object') return;
      if (data.type === 'tokenworth:height') {
        const height = Number(data.height);
        // Below MIN_FRAME_HEIGHT is a frame with nothing rendered (an empty
        // page is 2 px): the iframe keeps its placeholder height.
        if (!Number.isFinite(height) || height < MIN_FRAME_HEIGHT || height > 100000) return;
        iframe.style.height = `${Math.ceil(height)}px`;
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
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const iframe = doc.create('iframe');
    iframe.src = new URL(`embed.html?${frameQuery(host, scenario)}`, base).href;
    iframe.title = host.getAttribute('data-title') || 'tokenworth calculator';
    // CSSOM, not a style attribute: allowed under a strict style-src.
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    // The widget's height as the frame will lay it out: the page does not
    // move when the frame's first height arrives.
    iframe.style.height = `${frameHeight(host, scenario)}px`;
    // On every load of the frame: say hello, so that it sends the reader's
    // edits to this page's origin (and to no one else).
    iframe.addEventListener('load', () => {
      if (iframe.contentWindow) {
        iframe.contentWindow.postMessage({ type: 'tokenworth:hello', version: 1 }, frameOrigin);
      }
    });
    if (frames.size === 0) window.addEventListener('message', onFrameMessage);
    frames.set(host, iframe);
    root.replaceChildren(iframe);
    return iframe;
  }

  function unmountFrame(host) {
    const iframe = frames.get(host);
    if (!iframe) return false;
    frames.delete(host);
    iframe.remove();
    if (frames.size === 0) window.removeEventListener('message', onFrameMessage);
    return true;
  }

  // The host inside embed.html itself (data-frame) never becomes an iframe:
  // a frame in a frame in a frame…
  function wantsFrame(el) {
    return el.matches('[data-tokenworth]') && !el.hasAttribute('data-frame') &&
      (allFrames || el.getAttribute('data-mode') === 'iframe') && !frames.has(el);
  }

  // A calculator host this page runs itself: the app must be there.
  function wantsApp(el) {
    return el.matches('[data-tokenworth]') && !allFrames && el.getAttribute('data-mode') !== 'iframe';
  }

  function scanFrames(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const hosts = [root, ...root.querySelectorAll('[data-tokenworth]')];
    hosts.forEach((el) => {
      if (wantsFrame(el)) mountFrame(el);
      else if (wantsApp(el)) loadApp();
    });
  }

  // iframe hosts added later, and frames whose host left the page.
  const frameObserver = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      removed = removed || record.removedNodes.length > 0;
      record.addedNodes.forEach((node) => {
        if (node.isConnected) scanFrames(node);
      });
    }
    if (removed) {
      frames.forEach((iframe, host) => {
        if (!host.isConnected) unmountFrame(host);
      });
    }
  });

  function watchFrames() {
    scanFrames(doc.root());
    frameObserver.observe(doc.root(), { childList: true, subtree: true });
  }

  /* ---- One API from two modules ---------------------------------------------
   * The core's main() defines compute, unmount and stop (badges) and
   * forgetBadge; the app's main() defines mount, unmount and stop (and, run
   * alone, does the core's part too). Each is taken off window.tokenworth
   * right after its module starts (beside the core, the app starts only
   * after it, so neither overwrites the other's unseen) and the public
   * functions below call both. iframe hosts are this file's own. */
  let core = null; // { unmount, stop, forgetBadge } once the core runs
  let app = null; // { mount, unmount, stop } once the app runs

  function takeCore() {
    core = { unmount: api.unmount, stop: api.stop, forgetBadge: api.forgetBadge };
    delete api.forgetBadge;
    joinApi();
  }

  function takeApp() {
    app = { mount: api.mount, unmount: api.unmount, stop: api.stop };
    delete api.forgetBadge; // the app run alone clears its own badges
    joinApi();
  }

  function joinApi() {
    // mount() before the app runs loads it, and returns a Promise of the id
    // (`await tokenworth.mount(…)` works either way); then the id itself.
    api.mount = (element, scenario, options) => {
      if (element instanceof Element && (allFrames || element.getAttribute('data-mode') === 'iframe')) {
        mountFrame(element, typeof scenario === 'string' ? scenario : null);
        return 'frame';
      }
      if (allFrames) throw new Error('tokenworth: this page cannot run the app; only iframe widgets are available');
      if (!app) return loadApp().then(() => api.mount(element, scenario, options));
      const id = app.mount(element, scenario, options);
      // A calculator mounted over a badge: the element is no badge any more.
      if (core) core.forgetBadge(element);
      return id;
    };
    // Resolves with the API once mount() returns ids at once (the app runs).
    api.loadApp = () => (allFrames ? Promise.resolve(api) : loadApp().then(() => api));
    api.unmount = (element) => {
      const frame = unmountFrame(element);
      const badge = core ? core.unmount(element) : false;
      const widget = app ? app.unmount(element) : false;
      return frame || badge || widget;
    };
    api.stop = () => {
      frameObserver.disconnect();
      Array.from(frames.keys()).forEach(unmountFrame);
      if (app) app.stop();
      if (core) core.stop();
    };
  }

  // This page cannot run the app itself: show every host as an iframe of
  // embed.html, whose own policy allows it.
  function useIframes(reason, computeError) {
    stopPlaceholders();
    console.warn(`tokenworth: ${reason}; showing the calculator in iframes instead.`);
    allFrames = true;
    api.mode = 'iframe';
    api.compute = () => {
      throw new Error(computeError);
    };
    joinApi();
    domReady().then(() => {
      scanFrames(doc.root());
      resolveReady(api);
    });
  }

  startPlaceholders();
  // Once parsed: iframe hosts, and the app for calculator hosts (loadApp).
  const parsed = domReady();
  parsed.then(watchFrames);

  if (!wasmAllowed()) {
    useIframes(
      'this page does not allow WebAssembly (CSP)',
      "tokenworth.compute: this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval')",
    );
    return;
  }
  // Under Trusted Types without our policy, no module can load: tried on
  // the core's glue (the first module of every page is the core's or the app's).
  const firstScript = doc.create('script');
  if (!setScriptSrc(firstScript, appUrl(MODULES.core.glue))) {
    useIframes(
      'this page enforces Trusted Types without allowing the "tokenworth" policy',
      "tokenworth.compute: this page's Trusted Types policy does not allow tokenworth's script (add `trusted-types tokenworth`)",
    );
    return;
  }

  // Starts both downloads of a module at once and runs it once `after` has
  // resolved (the document is parsed, so every host element written in the
  // HTML is there when its main() looks).
  function startModule(module, element, after) {
    const glue = importChecked(module.glue, element);
    const wasm = fetchChecked(module.wasm);
    wasm.catch(() => {}); // handled below, once the glue is there
    return Promise.all([glue, after])
      .then(([glueModule]) => glueModule.default({ module_or_path: wasm }));
  }

  // The app, loaded once: alone when a calculator host is on the page as
  // this file runs (hosts before the script, or a deferred script: the app
  // does the core's part, one download, one instance); otherwise beside the
  // core, once a host appears or mount() is called, downloaded at once and
  // started after the core.
  let appStarted = null;
  let coreStarted = null;
  function loadApp(element = doc.create('script')) {
    if (appStarted) return appStarted;
    if (element !== firstScript && !setScriptSrc(element, appUrl(MODULES.app.glue))) {
      appStarted = Promise.reject(new Error('tokenworth: Trusted Types refused the app\'s script'));
    } else {
      appStarted = startModule(MODULES.app, element, coreStarted || parsed).then(takeApp);
    }
    appStarted.catch(fail);
    return appStarted;
  }

  const hostsNow = Array.from(doc.all('[data-tokenworth]')).some(wantsApp);
  if (hostsNow) {
    // The Trusted Types check above ran on the core's URL: same policy.
    setScriptSrc(firstScript, appUrl(MODULES.app.glue));
    loadApp(firstScript);
  } else {
    coreStarted = startModule(MODULES.core, firstScript, parsed).then(takeCore);
  }

  Promise.all([coreStarted || appStarted, parsed])
    .then(() => appStarted)
    .then(() => {
      stopPlaceholders();
      api.mode = 'script';
      resolveReady(api);
    })
    .catch(fail);
})();
