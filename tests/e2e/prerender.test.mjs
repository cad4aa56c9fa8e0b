// The prerendered standalone page (issue 11, "first results";
// scripts/prerender.mjs): the default scenario's figures are in the HTML,
// so an en-US reader sees them at the first paint, before the wasm runs;
// the app then takes the same place without moving anything. Readers the
// copy would be wrong for (a scenario in the link, another language) never
// see it, and a calculator that cannot start leaves no dead copy behind.
//
// "Before the wasm runs" is made certain, not timed: the app's wasm
// request is held (page.route) until the test lets it go.
//
// Figures (MODEL.md defaults): base 375,000 + tokens 100,000 = a headline
// of $475,000 in year 1; with base=300k, 300,000 + 100,000 = $400,000.
// German: the page's own Intl.NumberFormat('de-DE', USD, no decimals).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, serveBuiltSite, clean } from './browser.mjs';

const APP_WASM = /\/tokenworth-[0-9a-f]{16}_bg\.wasm$/;

let server;
let browser;

before(async () => {
  server = await serveBuiltSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` with the app's wasm held back; `release()` lets it load. */
async function openHeld(path, contextOptions = {}) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(APP_WASM, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(server.url + path);
  await page.waitForSelector('[data-tokenworth]', { state: 'attached' });
  return { context, page, problems, release };
}

/** The host's state: copy or app, in sight or not, the headline figure. */
const hostState = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-tokenworth]');
    const root = host.shadowRoot;
    const headline = root?.querySelector('[data-offer=a] [data-fig=headline]');
    return {
      prerendered: host.hasAttribute('data-prerendered'),
      // page.css hides a copy that is wrong for the reader with opacity.
      shown: getComputedStyle(host).visibility === 'visible' && getComputedStyle(host).opacity !== '0',
      headline: headline?.textContent.trim() ?? null,
      headlinePx: headline ? parseFloat(getComputedStyle(headline).fontSize) : 0,
      inert: !!root?.querySelector('.tw-root[inert]'),
    };
  });

const appDrawn = (page) =>
  page.waitForFunction(() => {
    const host = document.querySelector('[data-tokenworth]');
    return !host.hasAttribute('data-prerendered') && host.shadowRoot?.querySelector('.tw-root:not([inert]) [data-offer=a] [data-fig=headline]');
  });

test('prerendered: an en-US reader sees $475,000, styled, before the wasm arrives; the copy takes no input; the app replaces it without a layout shift', async () => {
  const { context, page, problems, release } = await openHeld('index.html', { locale: 'en-US' });
  try {
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const copy = await hostState(page);
    assert.equal(copy.prerendered, true, 'the host holds the prerendered copy');
    assert.equal(copy.shown, true, 'the copy is in sight');
    assert.equal(copy.headline, '$475,000');
    // Unstyled, the figure would have the browser's 16 px.
    assert.ok(copy.headlinePx > 24, `headline drawn with the widget's style (${copy.headlinePx}px)`);
    assert.equal(copy.inert, true, 'the copy is inert');
    // Field values are properties in the app; the copy carries them too.
    const base = await page.evaluate(() => document.querySelector('[data-tokenworth]').shadowRoot.querySelector('input[id$="-base"]').value);
    assert.equal(base, '375,000', 'the base salary field of the copy');
    const focused = await page.evaluate(() => {
      const root = document.querySelector('[data-tokenworth]').shadowRoot;
      root.querySelector('input').focus();
      return root.activeElement !== null;
    });
    assert.equal(focused, false, 'no field of the copy can take focus');

    release();
    await appDrawn(page);
    const app = await hostState(page);
    assert.equal(app.headline, '$475,000');
    assert.equal(app.shown, true, 'the app is in sight');
    // Two frames after the swap: any shift it caused has been recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift when the app replaced the copy');
    const typed = await page.evaluate(() => {
      const root = document.querySelector('[data-tokenworth]').shadowRoot;
      root.querySelector('input').focus();
      return root.activeElement?.localName ?? null;
    });
    assert.equal(typed, 'input', 'the app takes input');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('prerendered: a link with its own scenario (?base=300k) never shows the default figures; the app draws $400,000', async () => {
  const { context, page, problems, release } = await openHeld('index.html?base=300k', { locale: 'en-US' });
  try {
    assert.equal((await hostState(page)).shown, false, 'the default copy is out of sight');
    release();
    await appDrawn(page);
    const app = await hostState(page);
    assert.equal(app.headline, '$400,000');
    assert.equal(app.shown, true, 'the app is in sight');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('prerendered: a de-DE reader never sees the English copy; the app draws the German figure', async () => {
  const { context, page, problems, release } = await openHeld('index.html', { locale: 'de-DE' });
  try {
    assert.equal((await hostState(page)).shown, false, 'the en-US copy is out of sight');
    release();
    await appDrawn(page);
    const app = await hostState(page);
    const expected = await page.evaluate(() =>
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(475000),
    );
    assert.equal(app.headline, expected);
    assert.equal(app.shown, true, 'the app is in sight');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('prerendered: when the app cannot start, the dead copy gives way to the fallback line', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-US' });
  try {
    // Bytes that do not match the integrity hash: the loader refuses them.
    await page.route(APP_WASM, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not the app') }));
    await page.goto(server.url + 'index.html');
    await page.waitForFunction(() => {
      const host = document.querySelector('[data-tokenworth]');
      return !host.hasAttribute('data-prerendered') && host.shadowRoot?.textContent.includes('could not load');
    });
    const left = await page.evaluate(() => {
      const root = document.querySelector('[data-tokenworth]').shadowRoot;
      return { figures: root.querySelectorAll('[data-fig]').length, text: root.textContent.trim() };
    });
    assert.equal(left.figures, 0, 'no figure of the copy is left');
    assert.equal(left.text, 'The tokenworth calculator could not load.');
  } finally {
    await context.close();
  }
});
