// Widget lifecycle (issue 10, point 6): a host mounted while detached (as
// single-page apps do) waits to be inserted; a host that is both a widget
// and a badge shows the widget and warns once; <body> and <html> are
// refused; a Proxy is refused; mounting twice replaces; unmounting what was
// never mounted returns false.
//
// Figures (MODEL.md, "Why these quantities"): base 375000 + tokens 100000:
// headline year 1 = $475,000; base 400000 + tokens 100000 = $500,000;
// base 500000 + tokens 250000 = $750,000.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

let server;
let browser;

before(async () => {
  server = await site({
    'life.html': html('<div id="other"><span>x</span></div><div id="host"></div><p id="marker">host text</p>'),
    'both.html': html(
      '<div id="both" data-tokenworth data-tokenworth-badge data-base="375000" data-tokens="100000"></div>' +
        '<span id="badge" data-tokenworth-badge data-base="375000" data-tokens="100000"></span>',
    ),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function lifePage(name = 'life.html') {
  const opened = await open(browser, server.url + name);
  assert.deepEqual(await ready(opened.page), { ok: true });
  // These pages have no calculator host: mount() is synchronous once the app runs.
  await opened.page.evaluate(() => window.tokenworth.loadApp());
  // window.__mutated(fn): runs fn (which changes the page) and resolves once
  // every MutationObserver created before this one, tokenworth's included,
  // has seen the change (observers are notified in creation order).
  await opened.page.evaluate(() => {
    window.__mutated = (change) =>
      new Promise((resolve) => {
        const o = new MutationObserver(() => {
          o.disconnect();
          resolve();
        });
        o.observe(document.documentElement, { childList: true, subtree: true });
        change();
      });
  });
  return opened;
}

/** Waits until the widget on `sel` shows `text` as its year-1 headline. */
const showsHeadline = (page, sel, text) =>
  page.waitForFunction(
    ([sel, text]) =>
      document.querySelector(sel)?.shadowRoot?.querySelector('[data-offer=a] [data-fig=headline]')?.textContent === text,
    [sel, text],
    { timeout: 10_000 },
  );

test('a widget mounted on a detached div survives unrelated removals, works once inserted, goes when removed', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const id = await page.evaluate(async () => {
      const div = document.createElement('div');
      div.id = 'later';
      window.__later = div;
      const id = window.tokenworth.mount(div, 'base=375000&tokens=100000');
      // An unrelated removal elsewhere on the page, as an SPA router does.
      await window.__mutated(() => document.querySelector('#other span').remove());
      await window.__mutated(() => document.body.append(div));
      return id;
    });
    await showsHeadline(page, '#later', '$475,000');
    await page.locator(`#${id}-base`).fill('400000');
    await showsHeadline(page, '#later', '$500,000');
    // Once on the page, leaving it unmounts the widget.
    const after = await page.evaluate(async () => {
      await window.__mutated(() => window.__later.remove());
      return {
        left: window.__later.shadowRoot.childElementCount,
        unmount: window.tokenworth.unmount(window.__later),
      };
    });
    assert.deepEqual(after, { left: 0, unmount: false });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a detached host inserted and removed in one go is still unmounted', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const r = await page.evaluate(async () => {
      const div = document.createElement('div');
      window.tokenworth.mount(div, 'base=375000&tokens=100000');
      await window.__mutated(() => {
        document.body.append(div);
        div.remove();
      });
      return { left: div.shadowRoot.childElementCount, unmount: window.tokenworth.unmount(div) };
    });
    assert.deepEqual(r, { left: 0, unmount: false });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a host that is both data-tokenworth and data-tokenworth-badge shows the calculator and warns once', async () => {
  const { context, page, problems } = await lifePage('both.html');
  try {
    const r = await page.evaluate(async () => {
      const both = document.getElementById('both');
      // Moved around: still one warning.
      await window.__mutated(() => document.body.append(both));
      return {
        chip: both.shadowRoot.querySelector('.chip') !== null,
        widget: both.shadowRoot.querySelector('.tw-root') !== null,
      };
    });
    assert.deepEqual(r, { chip: false, widget: true });
    await showsHeadline(page, '#both', '$475,000');
    const warnings = problems.console.filter((m) => m.includes('data-tokenworth-badge'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^warning: .*both data-tokenworth and data-tokenworth-badge.*shows the calculator/);

    // mount() on a rendered badge: the calculator replaces the chip;
    // unmount clears it, and the element is no badge any more.
    const chips = await page.evaluate(() => {
      const badge = document.getElementById('badge');
      const before = badge.shadowRoot.querySelector('.chip') !== null;
      window.tokenworth.mount(badge, 'base=500000&tokens=250000');
      return { before, after: badge.shadowRoot.querySelector('.chip') !== null };
    });
    assert.deepEqual(chips, { before: true, after: false });
    await showsHeadline(page, '#badge', '$750,000');
    const api = await page.evaluate(() => {
      const badge = document.getElementById('badge');
      const first = window.tokenworth.unmount(badge);
      return { first, again: window.tokenworth.unmount(badge), left: badge.shadowRoot.childElementCount };
    });
    assert.deepEqual(api, { first: true, again: false, left: 0 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('mount(document.body) and mount(document.documentElement) are refused with a TypeError; the page stays usable', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const r = await page.evaluate(() => {
      const attempt = (el) => {
        try {
          window.tokenworth.mount(el, 'base=375000&tokens=100000');
          return 'mounted';
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      };
      return {
        body: attempt(document.body),
        html: attempt(document.documentElement),
        unmountBody: window.tokenworth.unmount(document.body),
        unmountHtml: window.tokenworth.unmount(document.documentElement),
        bodyShadow: document.body.shadowRoot === null,
      };
    });
    assert.match(r.body, /^TypeError: tokenworth\.mount: .*<body>.*a <div> of its own/);
    assert.match(r.html, /^TypeError: tokenworth\.mount: .*<html>/);
    assert.deepEqual([r.unmountBody, r.unmountHtml, r.bodyShadow], [false, false, true]);
    assert.ok(await page.locator('#marker').isVisible(), 'the page text is still shown');
    const id = await page.evaluate(() => window.tokenworth.mount(document.getElementById('host'), 'base=375000&tokens=100000'));
    assert.match(id, /^tw-\d+$/);
    await showsHeadline(page, '#host', '$475,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('mount into a Proxy or a look-alike is a TypeError; the instance keeps working', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const r = await page.evaluate(() => {
      const host = document.getElementById('host');
      const attempt = (el) => {
        try {
          return `returned ${window.tokenworth.mount(el, 'base=375000&tokens=100000')}`;
        } catch (e) {
          return `${e instanceof WebAssembly.RuntimeError ? 'RUNTIME ' : ''}${e.name}: ${e.message}`;
        }
      };
      const bound = new Proxy(host, {
        get(target, key) {
          const v = Reflect.get(target, key);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      return {
        plain: attempt(new Proxy(host, {})),
        bound: attempt(bound),
        lookAlike: attempt(Object.create(HTMLDivElement.prototype)),
        text: attempt(document.createTextNode('x')),
        string: attempt('#host'),
        hostShadow: host.shadowRoot === null,
      };
    });
    for (const key of ['plain', 'lookAlike']) assert.match(r[key], /^TypeError: /, key);
    assert.match(r.bound, /^TypeError: tokenworth\.mount: the first argument is not an element \(a Proxy or a look-alike object\)/);
    assert.match(r.text, /^TypeError: tokenworth\.mount: the first argument is a node but not an element/);
    assert.match(r.string, /^TypeError: tokenworth\.mount: the first argument is not an element/);
    assert.equal(r.hostShadow, true, 'nothing mounted on the element behind the Proxy');
    await page.evaluate(() => window.tokenworth.mount(document.getElementById('host'), 'base=375000&tokens=100000'));
    await showsHeadline(page, '#host', '$475,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('mounting twice on one element replaces the first widget', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const ids = await page.evaluate(() => {
      const host = document.getElementById('host');
      return [
        window.tokenworth.mount(host, 'base=375000&tokens=100000'),
        window.tokenworth.mount(host, 'base=500000&tokens=250000'),
      ];
    });
    for (const id of ids) assert.match(id, /^tw-\d+$/);
    await showsHeadline(page, '#host', '$750,000');
    const r = await page.evaluate(() => {
      const host = document.getElementById('host');
      return {
        roots: host.shadowRoot.querySelectorAll('.tw-root').length,
        headlines: [...host.shadowRoot.querySelectorAll('[data-offer=a] [data-fig=headline]')].map((e) => e.textContent),
        unmount: window.tokenworth.unmount(host),
        again: window.tokenworth.unmount(host),
        left: host.shadowRoot.childElementCount,
      };
    });
    assert.deepEqual(r, { roots: 1, headlines: ['$750,000'], unmount: true, again: false, left: 0 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('unmount of an element never mounted returns false; of a non-element throws a TypeError', async () => {
  const { context, page, problems } = await lifePage();
  try {
    const r = await page.evaluate(() => {
      const attempt = (v) => {
        try {
          return window.tokenworth.unmount(v);
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      };
      return {
        never: attempt(document.getElementById('host')),
        detached: attempt(document.createElement('div')),
        nothing: attempt(undefined),
        object: attempt({}),
      };
    });
    assert.equal(r.never, false);
    assert.equal(r.detached, false);
    assert.match(r.nothing, /^TypeError: tokenworth\.unmount: the first argument is not an element/);
    assert.match(r.object, /^TypeError: tokenworth\.unmount: /);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});
