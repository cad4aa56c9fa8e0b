// Attack tests of the loader and the iframe mode (issue 10), as a hostile
// host page, a hostile CDN and a hostile framing page would try them:
//   - named elements that shadow document.currentScript / window.tokenworth;
//   - an app file (glue or wasm) that does not match the hashes inside the
//     loader; the hashes themselves, from Node's crypto;
//   - Trusted Types, with and without the "tokenworth" policy allowed;
//   - reader edits posted out of the iframe to a parent that did not ask;
//   - framing headers of the project's own server (`make serve`);
//   - www/embed.js syntax (issue 9, point 8).
// Expected figures, by hand: base 375000 + tokens 100000 -> headline
// $475,000, compute share 100000 / 475000 = 4/19, badge "21.1% compute".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serve, STRICT_CSP } from './server.mjs';
import { site, page as html, open, ready, clean, shadowText, addOfferBInFrame, SITE, appFiles } from './embed-site.mjs';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const cargo = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
const VERSION = cargo.match(/^version\s*=\s*"([^"]+)"/m)[1];
const LOADER = `embed-${VERSION}.js`;

const WIDGET = '<div id="w1" data-tokenworth data-base="375000" data-tokens="100000"></div>';
const BADGE = '<span id="b1" data-tokenworth-badge data-base="375000" data-tokens="100000"></span>';
const headline = (page, host) => page.locator(`${host} [data-offer=a] [data-fig=headline]`);
const SHARE = '0.2105263157894736842105263158'; // 4/19 to 28 places

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The widget's files on a "CDN" origin (with CORS), pages on another origin. */
async function twoOrigins(pages, hostCsp = (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}; style-src 'self'; frame-src ${cdn}; img-src 'self' data:`) {
  const cdn = await site({}, { headers: { 'Access-Control-Allow-Origin': '*' } });
  const cdnOrigin = cdn.url.replace(/\/$/, '');
  const host = await site(typeof pages === 'function' ? pages(cdn.url) : pages, { csp: hostCsp(cdnOrigin) });
  return {
    cdn,
    host,
    close: async () => {
      await host.close();
      await cdn.close();
    },
  };
}

// --- 1. Clobbering -------------------------------------------------------------

for (const [name, clobber] of [
  ['<img name=currentScript>', '<img name="currentScript" src="https://evil.example/x/p.gif" alt="">'],
  ['<embed name=currentScript>', '<embed name="currentScript" src="https://evil.example/x/e.bin" type="image/gif">'],
  ['<form id=tokenworth>', '<form id="tokenworth"><input name="ready"><input name="mount"></form>'],
]) {
  test(`clobbering: ${name} neither redirects the loader nor stops it`, async () => {
    // The attack works on a page without CSP (a CSP would block the import).
    const server = await site(
      {
        'clobber.html': html(`${clobber}\n${WIDGET}`),
      },
      { csp: false },
    );
    const { context, page, problems } = await openWithEvil(browser, server.url + 'clobber.html');
    try {
      assert.deepEqual(await ready(page), { ok: true });
      await headline(page, '#w1').waitFor();
      assert.equal(await headline(page, '#w1').textContent(), '$475,000');
      assert.equal(
        await page.evaluate(() => window.tokenworth.compute('base=375000&tokens=100000').offers[0].compute_share),
        SHARE,
      );
      // The named elements' own images are the only requests to another origin.
      const foreign = problems.requests.filter((u) => !u.startsWith(server.url));
      assert.deepEqual(foreign.filter((u) => !/\/x\/(p\.gif|e\.bin)$/.test(u)), [], 'requests that left the origin');
      assert.equal(await page.evaluate(() => window.tokenworth.baseUrl), server.url);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'code from evil.example ran');
      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(problems.consoleErrors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

/** openIn, with every request to evil.example answered here (no network). */
async function openWithEvil(browser, url) {
  const context = await browser.newContext();
  await context.route('https://evil.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__pwned = true;' }),
  );
  return { context, ...(await openIn(context, url)) };
}

/** A page in `context` that records console errors, page errors and requests. */
async function openIn(context, url) {
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (msg) => msg.type() === 'error' && problems.consoleErrors.push(msg.text()));
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => problems.requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

// --- 2. Integrity of what runs ---------------------------------------------------

test('integrity: the hashes inside the loader are the sha384 of the app files it names', async () => {
  const files = await appFiles();
  // The app's two files and the core's two (badges and the API, no yew).
  assert.deepEqual(files.map((f) => f.role), ['glue', 'wasm', 'coreGlue', 'coreWasm']);
  const pattern = {
    glue: /^tokenworth-[0-9a-f]{16}\.js$/,
    wasm: /^tokenworth-[0-9a-f]{16}_bg\.wasm$/,
    coreGlue: /^tokenworth-core-[0-9a-f]{16}\.js$/,
    coreWasm: /^tokenworth-core-[0-9a-f]{16}_bg\.wasm$/,
  };
  for (const { role, name, integrity } of files) {
    assert.match(name, pattern[role]);
    assert.equal(integrity, sri(await readFile(join(SITE, name))), `${name}'s hash`);
  }
  // Nothing is left under the old, unchecked names.
  const dist = await readdir(SITE);
  for (const old of ['tokenworth.js', 'tokenworth_bg.wasm', 'tokenworth-core.js', 'tokenworth-core_bg.wasm']) {
    assert.ok(!dist.includes(old), dist.join(' '));
  }
  const plain = await readFile(join(SITE, 'embed.js'));
  assert.ok(plain.equals(await readFile(join(SITE, LOADER))), `${LOADER} differs from embed.js`);
});

test('integrity: index.html and embed.html load the versioned loader by its sha384', async () => {
  const loaderSri = sri(await readFile(join(SITE, LOADER)));
  for (const name of ['index.html', 'embed.html']) {
    const text = await readFile(join(SITE, name), 'utf8');
    const tags = [...text.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((t) => /src="embed(-\d[^"]*)?\.js"/.test(t));
    assert.deepEqual(tags, [`<script defer src="${LOADER}" integrity="${loaderSri}" crossorigin="anonymous">`], name);
  }
});

test("integrity: the standalone page's Embed snippet carries the sha384 of the versioned loader", async () => {
  const loaderSri = sri(await readFile(join(SITE, LOADER)));
  const server = await site({});
  const { context, page, problems } = await open(browser, server.url);
  try {
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(await page.evaluate(() => window.tokenworth.loaderIntegrity), loaderSri);
    await page.locator('.embed-panel summary').click();
    const snippet = await page.locator('.embed-panel textarea').inputValue();
    assert.ok(
      snippet.includes(`<script src="${server.url}${LOADER}" integrity="${loaderSri}" crossorigin="anonymous"></script>`),
      snippet,
    );
    assert.match(await page.locator('.embed-panel .hint').textContent(), /checks this release's loader \(embed\.js\) against the snippet's integrity hash; the loader checks the calculator's script and WebAssembly/);
    await clean(problems, server.url);
  } finally {
    await context.close();
    await server.close();
  }
});

// A widget host left empty, and one with the publisher's own fallback.
const FAIL_PAGE = html(`${WIDGET}
<div id="w2" data-tokenworth data-base="375000"><a href="https://example.org/calc">Open the calculator</a></div>`);

for (const [what, pattern, tamper] of [
  // Glue: one statement in front; if it ever runs, the page knows.
  ['glue', /\/tokenworth[^/]*\.js$/, (body) => Buffer.concat([Buffer.from('window.__pwned = "glue";\n'), body])],
  // WebAssembly, the app's and the core's: a text each shows (the app a
  // button, the core a badge), changed to one of the same length.
  ['wasm', /\/tokenworth[^/]*_bg\.wasm$/, (body) => {
    const copy = Buffer.from(body);
    for (const [from, to] of [
      ['Add an offer to compare', 'Pwned by a tampered CDN'],
      ['tokenworth: check the badge', 'Pwned by a tampered CDN!!!!'],
    ]) {
      const at = body.indexOf(Buffer.from(from));
      if (at > 0) {
        Buffer.from(to).copy(copy, at);
        return copy;
      }
    }
    // (An exception here would leave the request hanging: flip a bit instead.)
    copy[copy.length - 1] ^= 1;
    return copy;
  }],
]) {
  test(`integrity: a tampered ${what} fails closed (nothing runs, one console error, fallback text)`, async () => {
    const server = await site({ 'fail.html': FAIL_PAGE });
    const { context, page, problems } = await (async () => {
      const context = await browser.newContext();
      await context.route(pattern, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: tamper(await response.body()) });
      });
      const opened = await openIn(context, server.url + 'fail.html');
      return { context, ...opened };
    })();
    try {
      // (ready() of embed-site.mjs cannot wait for a rejection.)
      await page.waitForFunction(() => window.tokenworth?.ready instanceof Promise);
      const r = await page.evaluate(() => window.tokenworth.ready.then(() => 'resolved', (e) => `rejected: ${e}`));
      assert.match(r, /^rejected: /, 'ready rejects');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'tampered code ran');
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText + (document.querySelector('#w1').shadowRoot?.textContent ?? '')), /Pwned/);
      await page.waitForFunction(() => document.querySelector('#w1').shadowRoot?.textContent);
      assert.equal(await shadowText(page, '#w1'), 'The tokenworth calculator could not load.');
      assert.equal(await page.evaluate(() => document.querySelector('#w2').shadowRoot), null, "the publisher's own content stays visible");
      assert.equal(await page.locator('#w2 a').textContent(), 'Open the calculator');
      assert.equal(await page.evaluate(() => document.querySelectorAll('.tw-root').length), 0);
      // One error from the loader. Chromium adds its own line about the
      // integrity mismatch, which a page cannot silence: it names the file.
      const ours = problems.consoleErrors.filter((e) => e.startsWith('tokenworth'));
      assert.equal(ours.length, 1, problems.consoleErrors.join('\n'));
      assert.match(ours[0], /could not start the calculator/);
      const others = problems.consoleErrors.filter((e) => !e.startsWith('tokenworth'));
      assert.ok(others.every((e) => /integrity/.test(e)), others.join('\n'));
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('integrity: on the standalone page, where the files are preloaded, a tampered wasm still fails closed', async () => {
  const server = await site({});
  const context = await browser.newContext();
  await context.route(/\/tokenworth[^/]*_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 1; // one bit of the last byte
    await route.fulfill({ response, body });
  });
  try {
    const { page, problems } = await openIn(context, server.url);
    await page.waitForFunction(() => window.tokenworth?.ready instanceof Promise);
    const r = await page.evaluate(() => window.tokenworth.ready.then(() => 'resolved', (e) => `rejected: ${e}`));
    assert.match(r, /^rejected: .*_bg\.wasm did not load or does not match its integrity hash/);
    assert.equal(await page.evaluate(() => document.querySelectorAll('.tw-root').length), 0);
    assert.equal(problems.consoleErrors.filter((e) => e.startsWith('tokenworth')).length, 1, problems.consoleErrors.join('\n'));
  } finally {
    await context.close();
    await server.close();
  }
});

// --- 3. Trusted Types ----------------------------------------------------------

test("trusted types: with the 'tokenworth' policy allowed, widget, badge, edits and API work", async () => {
  const server = await site(
    { 'tt.html': html(`${WIDGET}\n${BADGE}\n<div id="later"></div>`) },
    { csp: `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types tokenworth` },
  );
  const { context, page, problems } = await open(browser, server.url + 'tt.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(await page.evaluate(() => window.tokenworth.mode), 'script');
    await headline(page, '#w1').waitFor();
    assert.equal(await headline(page, '#w1').textContent(), '$475,000');
    await page.waitForFunction(() => document.querySelector('#b1').shadowRoot?.querySelector('.chip')?.textContent);
    // Intl's compact USD of the worth (375000) and the whole-percent share (100000 / 475000).
    assert.equal(
      await page.evaluate(() => document.querySelector('#b1').shadowRoot.querySelector('.chip').textContent),
      '$375K to you · 21% compute',
    );
    // An edit re-renders.
    await page.locator('#w1').getByRole('button', { name: 'Add an offer to compare' }).click();
    await page.locator('#w1 [data-offer=b]').first().waitFor();
    // The API.
    assert.equal(
      await page.evaluate(() => window.tokenworth.compute({ base: 375000, tokens: '100k' }).offers[0].compute_share),
      SHARE,
    );
    await page.evaluate(() => window.tokenworth.mount(document.getElementById('later'), 'base=500k&tokens=250k'));
    await headline(page, '#later').waitFor();
    assert.equal(await headline(page, '#later').textContent(), '$750,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
    await server.close();
  }
});

test('trusted types: with no policy allowed, widgets show as iframes', async () => {
  const sites = await twoOrigins(
    (cdn) => ({ 'tt-none.html': html(WIDGET).replace('src="embed.js"', `src="${cdn}embed.js"`) }),
    (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}; style-src 'self'; frame-src ${cdn}; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types 'none'`,
  );
  const { context, page, problems } = await open(browser, sites.host.url + 'tt-none.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    assert.equal(await page.evaluate(() => window.tokenworth.mode), 'iframe');
    const frame = page.frameLocator('#w1 iframe');
    await frame.locator('[data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await frame.locator('[data-offer=a] [data-fig=headline]').textContent(), '$475,000');
    const message = await page.evaluate(() => {
      try {
        window.tokenworth.compute('base=1');
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(message, /Trusted Types/);
    assert.ok(problems.console.some((m) => /^warning: tokenworth: .*Trusted Types.*iframes/.test(m)), problems.console.join('\n'));
    // Only the two refusals the check itself causes (policy, string URL).
    const violations = await problems.cspViolations();
    assert.ok(violations.every((v) => /trusted-types|require-trusted-types-for/.test(v)), violations.join('\n'));
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
    await sites.close();
  }
});

// --- 4. Privacy in iframe mode ------------------------------------------------

// A framing page on another origin that records every message it gets.
const SPY_JS = `window.__messages = [];
window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));`;

/** The spy page framing embed.html from the other origin `cdn`, never saying hello. */
const spyPages = (cdn) => ({
  'spy.js': SPY_JS,
  'spy.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>spy</title>
<link rel="icon" href="data:,"><script src="spy.js"></script></head><body>
<iframe id="f" title="calculator" src="${cdn}embed.html?base=375000&amp;tokens=100000" width="800" height="900"></iframe>
</body></html>`,
});

/** The spy page, once its widget shows figures and has posted a height. */
async function openSpy() {
  const sites = await twoOrigins(spyPages);
  const { context, page } = await open(browser, sites.host.url + 'spy.html');
  const frame = page.frameLocator('#f');
  await frame.locator('[data-offer=a] [data-fig=headline]').waitFor();
  await page.waitForFunction(() => window.__messages.some((m) => m.data.type === 'tokenworth:height'));
  return { sites, context, page, frame };
}

test('iframe privacy: a framing page that did not say hello gets heights, never the reader\'s edits', async () => {
  const { sites, context, page, frame } = await openSpy();
  try {
    const before = await page.evaluate(() => window.__messages.length);
    await frame.getByRole('button', { name: 'Add an offer to compare' }).click();
    await frame.locator('[data-offer=b]').first().waitFor();
    // The page grew: a height message after the edit. Messages from one
    // window arrive in order, so a change message would have come first.
    await page.waitForFunction((n) => window.__messages.slice(n).some((m) => m.data.type === 'tokenworth:height'), before);
    const types = await page.evaluate(() => window.__messages.map((m) => m.data.type));
    assert.deepEqual(types.filter((t) => t !== 'tokenworth:height'), [], 'messages besides the height');
  } finally {
    await context.close();
    await sites.close();
  }
});

test('iframe privacy: no height is posted before the widget has rendered', async () => {
  const { sites, context, page, frame } = await openSpy();
  try {
    const heights = await page.evaluate(() => window.__messages.filter((m) => m.data.type === 'tokenworth:height').map((m) => m.data.height));
    // The headline is rendered at the top of the widget: every height the
    // frame told reaches at least below it.
    const bottom = await frame.locator('[data-offer=a] [data-fig=headline]').evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(heights.every((h) => h >= bottom), `heights ${heights} (headline bottom ${bottom})`);
  } finally {
    await context.close();
    await sites.close();
  }
});

test("iframe privacy: the loader's host on another origin says hello and gets the reader's edits", async () => {
  const sites = await twoOrigins((cdn) => ({
    'host.html': html('<div id="f1" data-tokenworth data-mode="iframe" data-base="375000" data-tokens="100000"></div>')
      .replace('src="embed.js"', `src="${cdn}embed.js"`),
  }));
  const { context, page, problems } = await open(browser, sites.host.url + 'host.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    const frame = page.frameLocator('#f1 iframe');
    await frame.locator('[data-offer=a] [data-fig=headline]').waitFor();
    const change = await addOfferBInFrame(page, '#f1');
    assert.match(change.scenario, /b\./);
    // Offer A over 4 years: 375000 x (1 + 1.03 + 1.0609 + 1.092727) + 4 x 100000
    assert.equal(Number(change.headline), 1968860.125);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
    await sites.close();
  }
});

// --- 5. Hosting: framing headers of `make serve` ---------------------------------

test('hosting: make serve refuses framing of every page but embed.html and its assets', async () => {
  // As `make serve` runs it: node tests/e2e/server.mjs --dir dist --csp
  const server = await serve({ dir: SITE, csp: true });
  try {
    const headers = async (path) => {
      const res = await fetch(server.url + path);
      assert.equal(res.status, 200, path);
      return { xfo: res.headers.get('x-frame-options'), csp: res.headers.get('content-security-policy') ?? '' };
    };
    for (const path of ['', 'index.html', 'demo-article.html', 'demo-jobs.html', 'demo-iframe.html']) {
      const h = await headers(path);
      assert.equal(h.xfo, 'DENY', `/${path}`);
      assert.match(h.csp, /(^|;\s*)frame-ancestors 'none'(;|$)/, `/${path}`);
      assert.ok(h.csp.startsWith(STRICT_CSP), `/${path} keeps the strict CSP`);
    }
    for (const path of ['embed.html', 'embed.js', 'embed-frame.js', 'embed.css', LOADER]) {
      const h = await headers(path);
      assert.equal(h.xfo, null, `/${path}`);
      assert.doesNotMatch(h.csp, /frame-ancestors/, `/${path}`);
    }
  } finally {
    await server.close();
  }
});

// --- 6. Issue 9, point 8: embed.js syntax ---------------------------------------

test('embed.js is modern syntax and tells CSP blocks by a check, not by error text', async () => {
  const code = (await readFile(new URL('../../www/embed.js', import.meta.url), 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bvar\s/, 'var');
  assert.doesNotMatch(code, /\bfunction\s*\(/, 'anonymous function expressions');
  assert.doesNotMatch(code, /\.message\b/, 'reads an error message');
});
