// Prerenders the standalone page (issue 11, "first results"): the reader sees
// the default scenario's figures at the page's first paint, before the
// wasm has downloaded and run, instead of about 2.3 times the static page's
// load time later (`make bench` before this step).
//
//   node scripts/prerender.mjs [dist]      (`make site` runs it after Trunk)
//
// How: dist/ served under the strict CSP in headless Chromium, en-US, no
// query; the widget's rendered shadow root is copied into dist/index.html
// as a declarative shadow root (`<template shadowrootmode="open">`), so the
// HTML parser builds it with the page. It is the app's own markup, not a
// second rendering of it: nothing to keep in step by hand.
//
// What the copy carries:
// - every field's value as an attribute (the app sets them as properties);
// - the widget's stylesheet, src/ui/style.css (the file the wasm adopts),
//   as dist/widget-<hash>.css through a <link> inside the shadow root: a
//   strict CSP (style-src 'self') refuses an inline <style>, and Chromium
//   holds the first paint for a stylesheet the parser meets there, so the
//   copy is never shown unstyled;
// - `inert` on its root: until the app replaces it, nothing in it can be
//   focused or typed into, so no keystroke is lost when it is replaced;
// - `data-prerendered` on the host, which web::mount removes when the app
//   has drawn the same place.
// The copy is right only for an en-US reader with no scenario in the URL:
// www/prerender-gate.js, a tiny blocking script in <head>, marks the page
// otherwise, and page.css then keeps the copy out of sight (the app draws
// the reader's own scenario, in their language, as before). embed.js drops
// the copy when the app cannot start, so a dead calculator never stays.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';
import { serve, STRICT_CSP } from '../tests/e2e/server.mjs';

const DIST = resolve(process.argv[2] || fileURLToPath(new URL('../dist/', import.meta.url)));
const STYLE = fileURLToPath(new URL('../src/ui/style.css', import.meta.url));
const GATE = 'prerender-gate.js';
const HOST = '<div data-tokenworth data-standalone></div>';

const die = (message) => {
  console.error(`prerender: ${message}`);
  process.exit(1);
};
const sha = (algorithm, bytes) => createHash(algorithm).update(bytes).digest();

const indexPath = join(DIST, 'index.html');
const index = await readFile(indexPath, 'utf8');
if (index.split(HOST).length !== 2) die(`expected one ${HOST} in ${indexPath} (already prerendered? run trunk build again)`);
const gateTag = `<script src="${GATE}"></script>`;
if (index.split(gateTag).length !== 2) die(`expected one ${gateTag} in ${indexPath}`);

const server = await serve({ dir: DIST, csp: STRICT_CSP });
const browser = await launch();
let root;
try {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + 'index.html');
  await page.waitForFunction(
    () => document.querySelector('[data-tokenworth]')?.shadowRoot?.querySelector('[data-offer=a] [data-fig=headline]')?.textContent.trim(),
    null,
    { timeout: 60_000 },
  );
  // Two frames: effects that run after the first render have settled.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (errors.length) die(`the page reported errors:\n${errors.join('\n')}`);
  root = await page.evaluate(() => {
    const el = document.querySelector('[data-tokenworth]').shadowRoot.querySelector('.tw-root');
    const copy = el.cloneNode(true);
    copy.setAttribute('inert', '');
    // What the app set as properties is not in the markup: a field's text,
    // a slider's position, a choice, a textarea's text. Written as the
    // attributes the parser reads back.
    const fields = (root) => root.querySelectorAll('input, select, textarea');
    const live = fields(el);
    fields(copy).forEach((field, i) => {
      const from = live[i];
      if (field.localName === 'select') {
        [...field.options].forEach((option, j) => option.toggleAttribute('selected', from.options[j].selected));
      } else if (field.localName === 'textarea') {
        field.textContent = from.value;
      } else if (field.type === 'checkbox' || field.type === 'radio') {
        field.toggleAttribute('checked', from.checked);
      } else {
        field.setAttribute('value', from.value);
      }
    });
    return copy.outerHTML;
  });
} finally {
  await browser.close();
  server.close();
}

const css = await readFile(STYLE);
const cssName = `widget-${sha('sha384', css).toString('hex').slice(0, 16)}.css`;
await writeFile(join(DIST, cssName), css);
const gate = await readFile(join(DIST, GATE));
const gateIntegrity = `sha384-${sha('sha384', gate).toString('base64')}`;

// The stylesheet is preloaded beside the gate: the parser meets its <link>
// only at the host, and the first paint waits for it.
const prerendered = index
  .replace(
    gateTag,
    `<link rel="preload" href="${cssName}" as="style">\n  <script src="${GATE}" integrity="${gateIntegrity}" crossorigin="anonymous"></script>`,
  )
  .replace(
    HOST,
    `<div data-tokenworth data-standalone data-prerendered><template shadowrootmode="open"><link rel="stylesheet" href="${cssName}">${root}</template></div>`,
  );
await writeFile(indexPath, prerendered);
console.log(`prerender: ${indexPath} holds the widget (${root.length} characters) and ${cssName}`);
