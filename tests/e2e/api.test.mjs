// window.tokenworth, the JS API: compute returns the JSON result of
// MODEL.md (exactly what the native CLI prints), throws an Error naming
// every bad key; mount/unmount; tokenworth:change. Strict CSP throughout.
//
// Figures (MODEL.md, "Why these quantities"):
//   base 375000 + tokens 100000: headline year 1 = 475000,
//     compute_share = 100000/475000 = 0.2105263157894736842105263158
//   base 500000 + tokens 250000: headline 750000, compute_to_base = 0.5

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

let server;
let browser;

before(async () => {
  server = await site({
    'api.html': html('<div id="host"></div><div id="attrs" data-base="400k" data-tokens="120k"></div>'),
    'blank.html': html('<div id="host"></div><div id="attrs" data-base="400k" data-tokens="120k"></div>').replace(
      '<script async src="embed.js"></script>',
      '',
    ),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function apiPage() {
  const opened = await open(browser, server.url + 'api.html');
  assert.deepEqual(await ready(opened.page), { ok: true });
  return opened;
}

test('compute returns the MODEL.md figures for a query string and for an object', async () => {
  const { context, page, problems } = await apiPage();
  try {
    const r = await page.evaluate(() => {
      const t = window.tokenworth;
      const a = t.compute('base=375000&tokens=100000');
      const b = t.compute({ base: 500000, tokens: '250k' });
      const nested = t.compute({ base: 375000, b: { base: 400000, tokens: 0 } });
      const zero = t.compute({ base: 0, tokens: 0 });
      return { a, b, nested, zero, version: t.version, mode: t.mode };
    });
    assert.equal(r.a.version, 2);
    assert.equal(r.a.offers.length, 1);
    assert.equal(r.a.offers[0].years[0].headline, '475000');
    assert.ok(r.a.offers[0].compute_share.startsWith('0.2105263157894736842105263158'), r.a.offers[0].compute_share);
    assert.ok(r.a.offers[0].flags.includes('one_in_five'));
    assert.equal(r.a.compare, null, 'compare is null, not undefined');
    assert.equal(r.b.offers[0].years[0].headline, '750000');
    assert.equal(r.b.offers[0].compute_to_base, '0.5');
    assert.equal(r.nested.offers.length, 2);
    assert.equal(r.nested.offers[1].years[0].base, '400000');
    assert.notEqual(r.nested.compare, null);
    // null fields are null (serialize_missing_as_null), not missing.
    assert.ok('compute_to_base' in r.zero.offers[0]);
    assert.equal(r.zero.offers[0].compute_to_base, null);
    assert.equal(r.zero.offers[0].token_keep_ratio, null);
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    assert.equal(r.mode, 'script');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('compute agrees to the digit with the native CLI', async (t) => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const cli = ['release', 'debug']
    .map((p) => `${root}target/${p}/tokenworth-cli`)
    .find((p) => existsSync(p));
  if (!cli) return t.skip('no tokenworth-cli build (cargo build)');
  const query = 'base=375k&tokens=100k&personal=20&own=5k&tax=35&b.base=420k&b.tokens=0&b.equity=200k&years=6&decline=20';
  const native = JSON.parse(execFileSync(cli, ['--json', query], { encoding: 'utf8' }));
  const { context, page } = await apiPage();
  try {
    const wasm = await page.evaluate((q) => window.tokenworth.compute(q), query);
    assert.deepEqual(wasm, native);
  } finally {
    await context.close();
  }
});

test('compute throws an Error naming every bad key', async () => {
  const { context, page, problems } = await apiPage();
  try {
    const r = await page.evaluate(() => {
      const attempt = (s) => {
        try {
          window.tokenworth.compute(s);
          return { threw: false };
        } catch (e) {
          return { threw: true, isError: e instanceof Error, message: e.message };
        }
      };
      return {
        query: attempt('base=lots&tokens=-5&b.vest=50-10'),
        object: attempt({ base: 'lots', tax: 120, salary: 1 }),
        array: attempt([1, 2]),
      };
    });
    assert.ok(r.query.threw && r.query.isError);
    for (const key of ['(base)', '(tokens)', '(b.vest)']) {
      assert.ok(r.query.message.includes(key), `${key} in ${r.query.message}`);
    }
    assert.match(r.query.message, /"lots"/);
    assert.ok(r.object.threw && r.object.isError);
    for (const key of ['(base)', '(tax)', '"salary"']) {
      assert.ok(r.object.message.includes(key), `${key} in ${r.object.message}`);
    }
    assert.ok(r.array.threw);
    // Thrown to the caller, not logged.
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('mount, tokenworth:change on edit, unmount leaves no listener on window or document', async () => {
  const { context, page, problems } = await apiPage();
  try {
    const cdp = await context.newCDPSession(page);
    const listeners = async () => {
      const counts = {};
      for (const expr of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
        const { listeners: l } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        counts[expr] = l.map((x) => x.type).sort();
      }
      return counts;
    };
    const before = await listeners();

    const id = await page.evaluate(() => {
      const host = document.getElementById('host');
      window.__changes = [];
      host.addEventListener('tokenworth:change', (e) => window.__changes.push(e.detail));
      return window.tokenworth.mount(host, 'base=500k&tokens=250k', { theme: 'dark', lock: ['tokens'] });
    });
    assert.match(id, /^tw-\d+$/);
    await page.locator('#host [data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await page.locator('#host [data-offer=a] [data-fig=headline]').textContent(), '$750,000');
    assert.notEqual(await page.locator(`#${id}-tokens`).getAttribute('readonly'), null);

    await page.locator(`#${id}-base`).fill('600000');
    await page.waitForFunction(() => window.__changes.length > 0);
    const change = await page.evaluate(() => window.__changes.at(-1));
    assert.match(change.scenario, /base=600k/);
    assert.match(change.scenario, /tokens=250k/);
    // 4 years at 3 % raises: 600000 x (1 + 1.03 + 1.0609 + 1.092727) + 4 x 250000
    //   = 600000 x 4.183627 + 1000000 = 3510176.2 (exact decimal string)
    assert.equal(Number(change.headline), 3510176.2);
    assert.match(change.headline, /^3510176\.20*$/);
    // No tax and no personal use: worth is the cash, 600000 x 4.183627.
    assert.equal(Number(change.worth), 2510176.2);

    // The element's own attributes when no scenario is given.
    const second = await page.evaluate(() => window.tokenworth.mount(document.getElementById('attrs')));
    await page.locator('#attrs [data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await page.locator('#attrs [data-offer=a] [data-fig=headline]').textContent(), '$520,000');

    const r = await page.evaluate(() => ({
      a: window.tokenworth.unmount(document.getElementById('host')),
      b: window.tokenworth.unmount(document.getElementById('attrs')),
      again: window.tokenworth.unmount(document.getElementById('host')),
      left: document.getElementById('host').shadowRoot.childElementCount,
    }));
    assert.deepEqual(r, { a: true, b: true, again: false, left: 0 });
    assert.notEqual(second, id);
    assert.deepEqual(await listeners(), before, 'listeners on window/document after unmount');
    // No cookies, no storage.
    const kept = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    assert.deepEqual(kept, { cookie: '', local: 0, session: 0 });

    const bad = await page.evaluate(() => {
      try {
        window.tokenworth.mount('not an element');
        return null;
      } catch (e) {
        return e instanceof TypeError;
      }
    });
    assert.equal(bad, true);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('no globals beyond window.tokenworth', async () => {
  // The same page without embed.js is the baseline (it has the test's own
  // init-script global too).
  const blank = await open(browser, server.url + 'blank.html');
  let without;
  try {
    without = await blank.page.evaluate(() => Object.keys(window));
  } finally {
    await blank.context.close();
  }
  const { context, page } = await apiPage();
  try {
    const keys = await page.evaluate(() => Object.keys(window));
    assert.deepEqual(keys.filter((k) => !without.includes(k)), ['tokenworth']);
  } finally {
    await context.close();
  }
});
