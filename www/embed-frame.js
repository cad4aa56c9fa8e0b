/*! tokenworth iframe page helper (embed.html).
 *
 * Tells the parent page how tall the widget is, so that embed.js
 * (data-mode="iframe") or any other parent can size the iframe, and forwards
 * the reader's edits to the parent that asked for them. Messages:
 *
 *   parent -> frame (embed.js sends it on each load of the frame):
 *     { type: 'tokenworth:hello', version: 1 }
 *   frame -> parent:
 *     { type: 'tokenworth:height', version: 1, height: <CSS px, integer> }
 *     { type: 'tokenworth:change', version: 1, scenario: '<query>',
 *       headline: '<decimal>', worth: '<decimal>' }
 *
 * The height carries nothing the reader typed: it goes to any parent ('*'),
 * and only once the widget has rendered (not the 2 px of an empty page, nor
 * the placeholder's height, which the parent knows already).
 * The edits carry the reader's own figures: they go only to the origin of
 * the first hello that came from window.parent, and nowhere without one.
 * A parent must still check event.origin and event.source (embed.js does).
 */
(() => {
  'use strict';
  if (window.parent === window) return; // opened on its own: nothing to tell

  // The origin of the parent that said hello; null until then.
  let parentOrigin = null;
  window.addEventListener('message', (event) => {
    if (parentOrigin !== null || event.source !== window.parent) return;
    const { data } = event;
    if (!data || typeof data !== 'object' || data.type !== 'tokenworth:hello' || data.version !== 1) return;
    // An opaque origin ('null', a sandboxed parent) cannot be addressed.
    if (event.origin !== 'null') parentOrigin = event.origin;
  });

  let last = -1;
  function rendered(host) {
    return Boolean(host.shadowRoot && host.shadowRoot.querySelector('.tw-root > *'));
  }
  function postHeight(host) {
    // Nothing rendered yet (the app is still loading; embed.js's placeholder
    // holds the widget's height, which the parent gave the iframe already):
    // no height. The app renders into .tw-root (src/web/mount.rs).
    if (!rendered(host)) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'tokenworth:height', version: 1, height }, '*');
  }

  function start() {
    const host = document.querySelector('[data-tokenworth]');
    if (!host) return;
    const observer = new ResizeObserver(() => postHeight(host));
    observer.observe(host);
    observer.observe(document.documentElement);
    // The widget replaces a placeholder of (nearly) its height, so its
    // first render may fire no resize: the first height also goes once it
    // has rendered, watched a frame at a time (at most ~20 s; the app's
    // `ready` is no signal: embed.js may not have run yet, and it resolves
    // before the first render).
    const whenRendered = (frames) => {
      if (rendered(host)) postHeight(host);
      else if (frames > 0) requestAnimationFrame(() => whenRendered(frames - 1));
    };
    whenRendered(1200);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }

  document.addEventListener('tokenworth:change', (event) => {
    if (parentOrigin === null) return;
    const d = event.detail || {};
    window.parent.postMessage({
      type: 'tokenworth:change',
      version: 1,
      scenario: String(d.scenario || ''),
      headline: String(d.headline || ''),
      worth: String(d.worth || ''),
    }, parentOrigin);
  });
})();
