/*! tokenworth iframe page helper (embed.html).
 *
 * Tells the parent page how tall the widget is, and forwards the reader's
 * edits, so that embed.js (data-mode="iframe") or any other parent can size
 * the iframe. Messages, posted to the parent window:
 *
 *   { type: 'tokenworth:height', version: 1, height: <CSS px, integer> }
 *   { type: 'tokenworth:change', version: 1, scenario: '<query>',
 *     headline: '<decimal>', worth: '<decimal>' }
 *
 * They carry no reader data beyond the scenario the parent embedded and its
 * figures, so they go to any parent origin ('*'); a parent must check
 * event.origin and event.source before trusting them (embed.js does).
 */
(function () {
  'use strict';
  if (window.parent === window) return; // opened on its own: nothing to tell

  var last = -1;
  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'tokenworth:height', version: 1, height: height }, '*');
  }

  function start() {
    new ResizeObserver(postHeight).observe(document.documentElement);
    postHeight();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }

  document.addEventListener('tokenworth:change', function (event) {
    var d = event.detail || {};
    window.parent.postMessage({
      type: 'tokenworth:change',
      version: 1,
      scenario: String(d.scenario || ''),
      headline: String(d.headline || ''),
      worth: String(d.worth || ''),
    }, '*');
  });
})();
