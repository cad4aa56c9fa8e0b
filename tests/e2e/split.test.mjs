// Two wasm modules (issue 11, point 3): a page with only badges, or only
// the JS API, loads the core (no yew) and never the app; the app comes when
// a calculator host appears or mount() is called, once; a page with a
// calculator host from the start loads the app alone (it renders the badges
// too); including the loader twice still starts each module once.
//
// Which files are the app's and which the core's: embed.js's APP_FILES
// table (as security.test.mjs reads it). Requests: page.on('request')
// (browser.mjs records every URL). Instances: an init script counts calls
// of WebAssembly.instantiate / instantiateStreaming (the glue's init()
// calls one of them once per module).
//
// Figures (MODEL.md, "Why these quantities"): base 375000 + tokens 100000:
// headline year 1 = $475,000, compute_share = 100000/475000 = 4/19
// = 0.2105263157894736842105263158 (28 places); the badge reads
// "$375K to you · 21% compute" (Intl compact USD; 21.05% rounded).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { site, page as html, ready, clean, appFiles } from './embed-site.mjs';

const SHARE = '0.2105263157894736842105263158';
const BADGE = '<span id="b1" data-tokenworth-badge data-base="375000" data-tokens="100000"></span>';
const WIDGET = '<div id="w1" data-tokenworth data-base="375000" data-tokens="100000"></div>';
const TWICE = '<script async src="embed.js"></script>';

let server;
let browser;
let files;

before(async () => {
  files = Object.fromEntries((await appFiles()).map(({ role, name }) => [role, name]));
  for (const role of ['glue', 'wasm', 'coreGlue', 'coreWasm']) assert.ok(files[role], `APP_FILES.${role}`);
  server = await site({
    'badges.html': html(`<p>${BADGE}</p>`),
    'badges-twice.html': html(`<p>${BADGE}</p>${TWICE}`),
    'api.html': html('<p id="marker">an article that uses the API only</p>'),
    'widget-twice.html': html(`${WIDGET}<p>${BADGE}</p>${TWICE}`),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `name` with the wasm instance counter installed first. */
async function openCounted(name) {
  const opened = await openPage(browser);
  await opened.page.addInitScript(() => {
    window.__instances = 0;
    for (const k of ['instantiate', 'instantiateStreaming']) {
      const orig = WebAssembly[k];
      WebAssembly[k] = function (...args) {
        window.__instances += 1;
        return orig.apply(this, args);
      };
    }
  });
  await opened.page.goto(server.url + name, { waitUntil: 'load' });
  return opened;
}

/** How many requests named each of the module files. */
function requested(problems) {
  const count = (name) => problems.requests.filter((u) => new URL(u).pathname.endsWith(`/${name}`)).length;
  return {
    appGlue: count(files.glue),
    appWasm: count(files.wasm),
    coreGlue: count(files.coreGlue),
    coreWasm: count(files.coreWasm),
  };
}

const chip = (page, sel) =>
  page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.chip')?.textContent, sel).then((h) => h.jsonValue());

const headline = (page, sel, text) =>
  page.waitForFunction(
    ([s, t]) => document.querySelector(s)?.shadowRoot?.querySelector('[data-offer=a] [data-fig=headline]')?.textContent === t,
    [sel, text],
  );

test('a badge-only page loads the core and never the app', async () => {
  const { context, page, problems } = await openCounted('badges.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(await chip(page, '#b1'), '$375K to you · 21% compute');
    // Unmount and compute are the core's: still no app.
    const r = await page.evaluate(() => ({
      share: window.tokenworth.compute('base=375000&tokens=100000').offers[0].compute_share,
      unmount: window.tokenworth.unmount(document.getElementById('b1')),
      mode: window.tokenworth.mode,
      instances: window.__instances,
    }));
    assert.deepEqual(r, { share: SHARE, unmount: true, mode: 'script', instances: 1 });
    assert.deepEqual(requested(problems), { appGlue: 0, appWasm: 0, coreGlue: 1, coreWasm: 1 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('an API-only page computes without loading the app', async () => {
  const { context, page, problems } = await openCounted('api.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    const r = await page.evaluate(() => {
      const t = window.tokenworth;
      let bad;
      try {
        t.compute('base=lots');
      } catch (e) {
        bad = e.message;
      }
      let inexact;
      try {
        t.compute({ base: 0.1 + 0.2 });
      } catch (e) {
        inexact = e.message;
      }
      return {
        share: t.compute({ base: 375000, tokens: '100k' }).offers[0].compute_share,
        // A number is read as the engine writes it (String(1e5) = "100000").
        shareOfNumbers: t.compute({ base: 375000, tokens: 1e5 }).offers[0].compute_share,
        inexact,
        headline: Number(t.compute('base=375000&tokens=100000').offers[0].years[0].headline),
        bad,
        instances: window.__instances,
      };
    });
    assert.equal(r.share, SHARE);
    assert.equal(r.shareOfNumbers, SHARE);
    // String(0.1 + 0.2) in any engine: "0.30000000000000004".
    assert.match(r.inexact, /"0\.30000000000000004" has more than 2 decimals/);
    assert.equal(r.headline, 475000);
    assert.match(r.bad, /^tokenworth\.compute: .*base/);
    assert.equal(r.instances, 1);
    assert.deepEqual(requested(problems), { appGlue: 0, appWasm: 0, coreGlue: 1, coreWasm: 1 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a calculator host added later loads the app once; mount() before the app resolves to its id', async () => {
  const { context, page, problems } = await openCounted('api.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(requested(problems).appWasm, 0, 'no app before a host');
    // Two hosts, added in two tasks: one app.
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'later';
      host.setAttribute('data-tokenworth', '');
      host.setAttribute('data-base', '375000');
      host.setAttribute('data-tokens', '100000');
      document.body.append(host);
    });
    await headline(page, '#later', '$475,000');
    const mounted = await page.evaluate(() => {
      const spare = document.createElement('div');
      spare.id = 'spare';
      document.body.append(spare);
      const id = window.tokenworth.mount(spare, 'base=375000&tokens=100000');
      return { sync: typeof id === 'string', id };
    });
    assert.equal(mounted.sync, true, 'once the app runs, mount returns the id itself');
    assert.match(mounted.id, /^tw-\d+$/);
    await headline(page, '#spare', '$475,000');
    assert.equal(await page.evaluate(() => window.__instances), 2, 'core + app');
    assert.deepEqual(requested(problems), { appGlue: 1, appWasm: 1, coreGlue: 1, coreWasm: 1 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }

  // mount() on a page without the app: a Promise of the id, then the widget.
  const second = await openCounted('api.html');
  try {
    assert.deepEqual(await ready(second.page), { ok: true });
    const r = await second.page.evaluate(async () => {
      const host = document.createElement('div');
      host.id = 'api-host';
      document.body.append(host);
      const pending = window.tokenworth.mount(host, 'base=375000&tokens=100000');
      return { promise: pending instanceof Promise, id: await pending };
    });
    assert.equal(r.promise, true);
    assert.match(r.id, /^tw-\d+$/);
    await headline(second.page, '#api-host', '$475,000');
    assert.deepEqual(requested(second.problems), { appGlue: 1, appWasm: 1, coreGlue: 1, coreWasm: 1 });
    await clean(second.problems, server.url);
  } finally {
    await second.context.close();
  }
});

test('the loader included twice starts the core once on a badge page, and the app alone once beside a widget', async () => {
  {
    const { context, page, problems } = await openCounted('badges-twice.html');
    try {
      assert.deepEqual(await ready(page), { ok: true });
      assert.equal(await chip(page, '#b1'), '$375K to you · 21% compute');
      assert.equal(await page.evaluate(() => window.__instances), 1);
      assert.deepEqual(requested(problems), { appGlue: 0, appWasm: 0, coreGlue: 1, coreWasm: 1 });
      await clean(problems, server.url);
    } finally {
      await context.close();
    }
  }
  const { context, page, problems } = await openCounted('widget-twice.html');
  try {
    // `ready` waits for the app when the parsed page has a calculator host.
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(await page.evaluate(() => typeof window.tokenworth.mount(document.createElement('div'))), 'string');
    await headline(page, '#w1', '$475,000');
    // The app alone: badges, compute and unmount of a badge are its own.
    assert.equal(await chip(page, '#b1'), '$375K to you · 21% compute');
    const r = await page.evaluate(() => ({
      share: window.tokenworth.compute('base=375000&tokens=100000').offers[0].compute_share,
      unmount: window.tokenworth.unmount(document.getElementById('b1')),
      again: window.tokenworth.unmount(document.getElementById('b1')),
      instances: window.__instances,
    }));
    assert.deepEqual(r, { share: SHARE, unmount: true, again: false, instances: 1 });
    assert.deepEqual(requested(problems), { appGlue: 1, appWasm: 1, coreGlue: 0, coreWasm: 0 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});
