// No layout shift (issue 11, point 2): before the wasm runs, embed.js puts
// in each empty widget host a placeholder as tall as the widget will be
// (its table of the widget's measured heights, www/embed.js
// PLACEHOLDER_PARTS); the widget replaces it without moving the page. In
// iframe mode the iframe starts at that height and the frame posts a height
// only once the widget has rendered. When the widget's height changes, these
// tests fail until scripts/placeholder-heights.mjs has measured it again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

const HOSTS = {
  one: 'data-base="375000" data-tokens="100000"',
  two: 'data-base="500k" data-tokens="250k" data-b-base="560k" data-b-tokens="0"',
  compact: 'data-base="375000" data-tokens="100000" data-compact',
  'compact-two': 'data-scenario="base=500k&amp;tokens=250k&amp;b.base=560k&amp;b.tokens=0" data-compact data-theme="dark"',
};
const hosts = Object.entries(HOSTS)
  .map(([id, attrs]) => `<p>Text between the widgets.</p><div id="${id}" data-tokenworth ${attrs}></div>`)
  .join('\n');

let server;
let browser;

before(async () => {
  server = await site({
    'four.html': html(hosts),
    'hostile.html': html(hosts, { head: '<link rel="stylesheet" href="demo-hostile.css">' }),
    'framed.html': html(`<p>Above.</p><div id="f" data-tokenworth data-mode="iframe" ${HOSTS.one}></div><p>Below.</p>`),
    'framed-two.html': html(`<p>Above.</p><div id="f" data-tokenworth data-mode="iframe" ${HOSTS.two} data-compact></div><p>Below.</p>`),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Holds every request for the app's wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Each host's height and what its shadow root shows. */
function heights(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const host = document.getElementById(id);
    const box = host.shadowRoot?.firstElementChild;
    return [id, { height: host.getBoundingClientRect().height, shows: box ? box.className : 'nothing' }];
  })), Object.keys(HOSTS));
}

for (const [file, width] of [['four.html', 390], ['four.html', 680], ['hostile.html', 680]]) {
  test(`${file} at ${width} px: each placeholder is as tall as its widget (one offer, two, compact, compact two in dark), within 2 px`, async () => {
    const { context, page, problems } = await open(browser, 'about:blank', { viewport: { width, height: 900 } });
    try {
      const release = await holdWasm(page);
      await page.goto(server.url + file);
      await page.waitForFunction((n) => document.querySelectorAll('[data-tokenworth]').length === n &&
        [...document.querySelectorAll('[data-tokenworth]')].every((h) => h.shadowRoot?.querySelector('.tw-placeholder')), Object.keys(HOSTS).length);
      const reserved = await heights(page);
      release();
      await ready(page);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-tokenworth]')]
        .every((h) => h.shadowRoot?.querySelector('[data-offer=a] [data-fig=headline]')));
      const mounted = await heights(page);
      for (const id of Object.keys(HOSTS)) {
        assert.match(reserved[id].shows, /tw-placeholder/, `${id}: a placeholder before the wasm`);
        assert.match(mounted[id].shows, /tw-root/, `${id}: the widget after it`);
        const off = mounted[id].height - reserved[id].height;
        assert.ok(Math.abs(off) <= 2, `${id}: placeholder ${reserved[id].height} px, widget ${mounted[id].height} px`);
      }
      await clean(problems, server.url);
    } finally {
      await context.close();
    }
  });
}

test('a placeholder takes the widget\'s theme: dark for data-theme="dark", light by default', async () => {
  const { context, page } = await open(browser, 'about:blank', { viewport: { width: 680, height: 900 }, colorScheme: 'light' });
  try {
    const release = await holdWasm(page);
    await page.goto(server.url + 'hostile.html');
    await page.waitForFunction(() => document.getElementById('compact-two').shadowRoot?.querySelector('.tw-placeholder'));
    const colours = await page.evaluate(() => ['one', 'compact-two'].map((id) =>
      getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.tw-placeholder')).backgroundColor));
    // style.css: --bg #ffffff (light), #17181c (dark).
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(23, 24, 28)']);
    release();
  } finally {
    await context.close();
  }
});

for (const file of ['framed.html', 'framed-two.html']) {
  test(`${file}: the iframe starts at the widget's height and keeps it (never 2 px, never shrinking to the frame's first message)`, async () => {
    const { context, page, problems } = await open(browser, 'about:blank', { viewport: { width: 680, height: 900 } });
    try {
      // Every height the iframe has in a painted frame, from its creation on.
      await page.addInitScript(() => {
        if (window.top !== window) return;
        const seen = (window.__frameHeights = []);
        const frame = () => {
          const iframe = document.getElementById('f')?.shadowRoot?.querySelector('iframe');
          const h = iframe && iframe.getBoundingClientRect().height;
          if (h != null && seen[seen.length - 1] !== h) seen.push(h);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(server.url + file);
      await ready(page);
      const widget = page.frameLocator('#f iframe').locator('[data-tokenworth] [data-offer=a] [data-fig=headline]');
      await widget.waitFor();
      // Settled: the iframe is as tall as the page inside it.
      await page.waitForFunction(() => {
        const iframe = document.getElementById('f').shadowRoot.querySelector('iframe');
        const inner = iframe.contentDocument.documentElement.getBoundingClientRect().height;
        return Math.abs(iframe.getBoundingClientRect().height - Math.ceil(inner)) < 1 &&
          window.__frameHeights.at(-1) === iframe.getBoundingClientRect().height;
      }, null, { polling: 'raf' });
      const seen = await page.evaluate(() => window.__frameHeights);
      const final = seen.at(-1);
      assert.ok(final > 400, `the widget is ${final} px tall`);
      for (const h of seen) assert.ok(Math.abs(h - final) <= 2, `the iframe was ${h} px before its final ${final} px (${seen.join(', ')})`);
      await clean(problems, server.url);
    } finally {
      await context.close();
    }
  });
}

test('the frame posts no height while it shows the placeholder, only once its widget has rendered', async () => {
  const { context, page, problems } = await open(browser, 'about:blank', { viewport: { width: 680, height: 900 } });
  try {
    await page.addInitScript(() => {
      if (window.top !== window) return;
      window.__fromFrame = [];
      window.addEventListener('message', (e) => {
        if (e.data && typeof e.data === 'object') window.__fromFrame.push({ type: e.data.type, height: e.data.height });
      });
    });
    const release = await holdWasm(page);
    await page.goto(server.url + 'framed.html');
    const frame = await (await page.locator('#f iframe').elementHandle()).contentFrame();
    await frame.waitForFunction(() => document.querySelector('[data-tokenworth]').shadowRoot?.querySelector('.tw-placeholder'));
    // Two frames later every ResizeObserver callback has run; a message the
    // frame posts after them arrives after any height it posted before.
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.parent.postMessage({ type: 'test:placeholder-shown' }, '*');
      done();
    }))));
    await page.waitForFunction(() => window.__fromFrame.some((m) => m.type === 'test:placeholder-shown'));
    const before = await page.evaluate(() => window.__fromFrame.filter((m) => m.type === 'tokenworth:height'));
    assert.deepEqual(before, [], 'no height while the placeholder shows');
    release();
    await page.waitForFunction(() => window.__fromFrame.some((m) => m.type === 'tokenworth:height'));
    const heights = await page.evaluate(() => window.__fromFrame.filter((m) => m.type === 'tokenworth:height').map((m) => m.height));
    for (const h of heights) assert.ok(h > 400, `the frame posted ${h} px`);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});
