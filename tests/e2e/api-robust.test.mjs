// The JS API survives hostile and broken arguments (issue 10, point 3): no
// bad call may leave the wasm instance broken. Each test mounts a widget,
// makes hundreds of bad calls of one kind (each must throw an ordinary
// Error to its caller, never a WebAssembly.RuntimeError), then checks that
// a good compute still gives the MODEL.md figure and that the widget
// mounted BEFORE the bad calls still follows an edit.
//
// Figures (MODEL.md, "Why these quantities"): base 375000 + tokens 100000:
// headline year 1 = 475000 ($475,000); after editing base to 400000:
// 400000 + 100000 = 500000 ($500,000).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

let server;
let browser;

before(async () => {
  server = await site({
    'robust.html': html('<div id="before"></div><div id="spare"></div><p id="marker">host text</p>'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const HEADLINE = '#before [data-offer=a] [data-fig=headline]';

/** A page with a widget on #before showing $475,000. */
async function withWidget() {
  const opened = await open(browser, server.url + 'robust.html');
  assert.deepEqual(await ready(opened.page), { ok: true });
  const id = await opened.page.evaluate(() =>
    window.tokenworth.mount(document.getElementById('before'), 'base=375000&tokens=100000'),
  );
  await opened.page.locator(HEADLINE).waitFor();
  assert.equal(await opened.page.locator(HEADLINE).textContent(), '$475,000');
  return { ...opened, id };
}

/**
 * Runs `bad` in the page: it gets `attempt(fn)`, which calls fn and
 * records how it threw. Returns the distinct outcomes seen.
 */
function badCalls(page, bad, arg) {
  return page.evaluate(
    ([source, arg]) => {
      const outcomes = new Map();
      const attempt = (fn) => {
        let outcome;
        try {
          fn();
          outcome = 'returned';
        } catch (e) {
          const wasm = e instanceof WebAssembly.RuntimeError;
          outcome = `${wasm ? 'RUNTIME ' : ''}${e?.name}: ${String(e?.message).slice(0, 160)}`;
        }
        outcomes.set(outcome, (outcomes.get(outcome) || 0) + 1);
      };
      // eslint-disable-next-line no-new-func
      new Function('attempt', 'arg', source)(attempt, arg);
      return Object.fromEntries(outcomes);
    },
    [`(${bad})(attempt, arg)`, arg],
  );
}

/** After the bad calls: a good compute, and the earlier widget follows an edit. */
async function stillWorks({ page, problems, id }) {
  const good = await page.evaluate(() => {
    try {
      return window.tokenworth.compute({ base: 375000, tokens: 100000 }).offers[0].years[0].headline;
    } catch (e) {
      return `threw ${e?.name}: ${e?.message}`;
    }
  });
  assert.equal(good, '475000', 'a good compute after the bad calls');
  await page.locator(`#${id}-base`).fill('400000');
  await page.waitForFunction(
    (sel) => {
      const root = document.getElementById('before').shadowRoot;
      return root?.querySelector(sel)?.textContent === '$500,000';
    },
    '[data-offer=a] [data-fig=headline]',
    { timeout: 10_000 },
  );
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(
    problems.consoleErrors.filter((e) => /RuntimeError|unreachable|out of bounds/.test(e)),
    [],
    'wasm runtime errors in the console',
  );
}

/** Every outcome is an ordinary thrown error matching `expected`. */
function allThrew(outcomes, expected, total) {
  const seen = Object.entries(outcomes);
  assert.equal(
    seen.reduce((n, [, count]) => n + count, 0),
    total,
    `${total} calls made: ${JSON.stringify(outcomes)}`,
  );
  for (const [outcome] of seen) {
    assert.doesNotMatch(outcome, /^RUNTIME|^returned/, JSON.stringify(outcomes));
    assert.match(outcome, expected, JSON.stringify(outcomes));
  }
}

test('a cyclic scenario (o.b = o) is refused naming b.b, 300 times, and nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      for (let i = 0; i < 200; i++) {
        const o = { base: 1 };
        o.b = o;
        attempt(() => window.tokenworth.compute(o));
      }
      for (let i = 0; i < 100; i++) {
        const o = { base: 1, b: { base: 2 } };
        o.b.b = o;
        attempt(() => window.tokenworth.mount(document.getElementById('spare'), o));
      }
    });
    allThrew(outcomes, /^TypeError: tokenworth\.(compute|mount): b\.b: is an object inside b/, 300);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('{b: {b: …}} nested 10,000 deep is refused naming b.b, and nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      for (let i = 0; i < 20; i++) {
        let deep = { base: 1 };
        for (let d = 0; d < 10_000; d++) deep = { b: deep };
        attempt(() => window.tokenworth.compute(deep));
        let deepArray = [1];
        for (let d = 0; d < 10_000; d++) deepArray = [deepArray];
        attempt(() => window.tokenworth.compute({ b: { base: deepArray } }));
      }
    });
    allThrew(outcomes, /^TypeError: tokenworth\.compute: b\.(b|base): is an object inside b/, 40);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('1,400 throwing getters are reported naming the key, and nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      for (let i = 0; i < 1000; i++) {
        attempt(() =>
          window.tokenworth.compute({
            get base() {
              throw new Error('getter boom');
            },
          }),
        );
      }
      for (let i = 0; i < 200; i++) {
        attempt(() =>
          window.tokenworth.compute({
            b: {
              get tokens() {
                throw new Error('getter boom');
              },
            },
          }),
        );
      }
      for (let i = 0; i < 200; i++) {
        const spare = document.getElementById('spare');
        attempt(() =>
          window.tokenworth.mount(spare, null, {
            get theme() {
              throw new Error('getter boom');
            },
          }),
        );
      }
    });
    allThrew(outcomes, /^TypeError: tokenworth\.(compute|mount): (base|b\.tokens|theme): could not be read: "getter boom"/, 1400);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('1,500 values whose toString, valueOf or Symbol.toPrimitive throw are refused unread, and nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      const boom = () => {
        throw new Error('toString boom');
      };
      for (let i = 0; i < 300; i++) {
        attempt(() => window.tokenworth.compute({ base: { toString: boom } }));
        attempt(() => window.tokenworth.compute({ tokens: { valueOf: boom, toString: boom } }));
        attempt(() => window.tokenworth.compute({ b: { base: { [Symbol.toPrimitive]: boom } } }));
        attempt(() => window.tokenworth.mount(document.getElementById('spare'), null, { accent: { toString: boom } }));
        attempt(() => window.tokenworth.mount(document.getElementById('spare'), null, { hide: [{ toString: boom }] }));
      }
    });
    allThrew(outcomes, /^TypeError: tokenworth\.(compute|mount): (base|tokens|b\.base|accent|hide\[0\]): is an object/, 1500);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('a Proxy around an element (1,200 calls) is refused by mount and unmount with a TypeError, and nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      const el = document.getElementById('spare');
      const plain = new Proxy(el, {});
      // Methods bound to the real element: passes `instanceof Element` and
      // every method call the loader might make.
      const bound = new Proxy(el, {
        get(target, key) {
          const v = Reflect.get(target, key);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const lookAlike = Object.create(HTMLDivElement.prototype);
      for (let i = 0; i < 200; i++) {
        for (const fake of [plain, bound, lookAlike]) {
          attempt(() => window.tokenworth.mount(fake, 'base=1'));
          attempt(() => window.tokenworth.unmount(fake));
        }
      }
    });
    // The plain Proxy may be refused by the loader's own wrapper first
    // ("Illegal invocation"); the bound one must reach the wasm check.
    allThrew(outcomes, /^TypeError: /, 1200);
    const fromWasm = Object.keys(outcomes).filter((o) => /not an element \(a Proxy/.test(o));
    assert.ok(fromWasm.length > 0, JSON.stringify(outcomes));
    await stillWorks(opened);
    const spare = await opened.page.evaluate(() => document.getElementById('spare').shadowRoot);
    assert.equal(spare, null, 'nothing mounted on the element behind the Proxy');
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('Proxy scenarios with throwing traps, and revoked Proxies anywhere (1,600 calls), throw TypeErrors; nothing breaks', async () => {
  const opened = await withWidget();
  try {
    const outcomes = await badCalls(opened.page, (attempt) => {
      const boom = () => {
        throw new Error('trap boom');
      };
      const traps = [
        { ownKeys: boom },
        { get: boom },
        { getOwnPropertyDescriptor: boom },
        { getPrototypeOf: boom },
        { has: boom, ownKeys: () => ['base'], getOwnPropertyDescriptor: boom },
      ];
      const spare = document.getElementById('spare');
      for (let i = 0; i < 100; i++) {
        for (const handler of traps) {
          attempt(() => window.tokenworth.compute(new Proxy({ base: 375000 }, handler)));
          attempt(() => window.tokenworth.compute({ b: new Proxy({ base: 1 }, handler) }));
        }
        const revoked = Proxy.revocable({ base: 1 }, {});
        revoked.revoke();
        attempt(() => window.tokenworth.compute(revoked.proxy));
        attempt(() => window.tokenworth.compute({ b: revoked.proxy }));
        attempt(() => window.tokenworth.mount(revoked.proxy));
        attempt(() => window.tokenworth.unmount(revoked.proxy));
        attempt(() => window.tokenworth.mount(spare, revoked.proxy));
        attempt(() => window.tokenworth.mount(spare, null, revoked.proxy));
      }
    });
    // getPrototypeOf alone is never called: that Proxy reads fine and its
    // scenario (base 375000) computes; every other call must throw.
    const returned = outcomes.returned ?? 0;
    delete outcomes.returned;
    assert.equal(returned, 200, 'the getPrototypeOf-trap Proxies compute');
    allThrew(outcomes, /^TypeError: /, 100 * 16 - 200);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('API calls made from inside a getter work, and endless re-entry is refused, not a crash', async () => {
  const opened = await withWidget();
  try {
    const r = await opened.page.evaluate(() => {
      const t = window.tokenworth;
      const spare = document.getElementById('spare');
      const nested = t.compute({
        get base() {
          // compute, mount and unmount from inside compute.
          const inner = t.compute('base=1&tokens=1').offers[0].years[0].headline;
          t.mount(spare, 'base=500000&tokens=250000');
          t.unmount(spare);
          return inner === '2' ? 375000 : 0;
        },
        tokens: 100000,
      });
      // Each level's getter calls compute again: the innermost refusal is
      // the first exception, then every level reports its getter threw.
      let refused;
      let outer;
      const describe = (e) => `${e instanceof WebAssembly.RuntimeError ? 'RUNTIME ' : ''}${e.name}: ${e.message}`;
      const endless = {
        get base() {
          try {
            return t.compute(endless);
          } catch (e) {
            refused ??= describe(e);
            throw e;
          }
        },
      };
      try {
        t.compute(endless);
      } catch (e) {
        outer = describe(e);
      }
      return { nested: nested.offers[0].years[0].headline, refused, outer };
    });
    assert.equal(r.nested, '475000');
    assert.match(r.refused, /^Error: tokenworth\.compute: called from inside 8 other tokenworth calls/);
    assert.match(r.outer, /^TypeError: tokenworth\.compute: base: could not be read: "tokenworth\.compute: base: could not be read/);
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('an element whose own members throw is mounted through the DOM prototypes, and removal still unmounts it', async () => {
  const opened = await withWidget();
  try {
    const r = await opened.page.evaluate(async () => {
      const el = document.createElement('div');
      el.id = 'odd';
      // Inserted first, and every observer done with it: the loader reads
      // isConnected of added nodes itself.
      await new Promise((resolve) => {
        const o = new MutationObserver(() => {
          o.disconnect();
          resolve();
        });
        o.observe(document.documentElement, { childList: true, subtree: true });
        document.body.append(el);
      });
      const boom = () => {
        throw new Error('member boom');
      };
      // Own members shadowing the DOM's (the loader itself calls getAttribute).
      el.getAttributeNames = boom;
      Object.defineProperty(el, 'isConnected', { get: boom });
      Object.defineProperty(el, 'localName', { get: boom });
      try {
        return { id: window.tokenworth.mount(el, 'base=375000&tokens=100000') };
      } catch (e) {
        return { threw: `${e instanceof WebAssembly.RuntimeError ? 'RUNTIME ' : ''}${e.name}: ${e.message}` };
      }
    });
    assert.match(r.id ?? r.threw, /^tw-\d+$/);
    await opened.page.waitForFunction(
      () => document.getElementById('odd').shadowRoot?.querySelector('[data-offer=a] [data-fig=headline]')?.textContent === '$475,000',
      null,
      { timeout: 10_000 },
    );
    const after = await opened.page.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.getElementById('odd');
          // Notified after tokenworth's observer (creation order).
          const o = new MutationObserver(() => {
            o.disconnect();
            resolve({ left: el.shadowRoot.childElementCount, unmount: window.tokenworth.unmount(el) });
          });
          o.observe(document.documentElement, { childList: true, subtree: true });
          el.remove();
        }),
    );
    assert.deepEqual(after, { left: 0, unmount: false });
    await stillWorks(opened);
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});

test('a tokenworth:change listener that remounts, unmounts or stops its own widget breaks nothing', async () => {
  const opened = await withWidget();
  const { page, id } = opened;
  try {
    // Remount from inside the widget's own change event: the new widget shows the new scenario.
    await page.evaluate(() => {
      const host = document.getElementById('before');
      host.addEventListener(
        'tokenworth:change',
        () => window.tokenworth.mount(host, 'base=500000&tokens=250000'),
        { once: true },
      );
    });
    await page.locator(`#${id}-base`).fill('400000');
    await page.waitForFunction(
      () => document.getElementById('before').shadowRoot.querySelector('[data-offer=a] [data-fig=headline]')?.textContent === '$750,000',
      null,
      { timeout: 10_000 },
    );
    // Unmount, then stop, from inside change events of a spare widget.
    const spareId = await page.evaluate(() => {
      const spare = document.getElementById('spare');
      spare.addEventListener('tokenworth:change', () => window.tokenworth.unmount(spare), { once: true });
      return window.tokenworth.mount(spare, 'base=1&tokens=1');
    });
    await page.locator(`#${spareId}-base`).fill('2');
    await page.waitForFunction(() => document.getElementById('spare').shadowRoot.childElementCount === 0, null, {
      timeout: 10_000,
    });
    const good = await page.evaluate(() => window.tokenworth.compute('base=375000&tokens=100000').offers[0].years[0].headline);
    assert.equal(good, '475000');
    const secondId = await page.evaluate(() => {
      const spare = document.getElementById('spare');
      spare.addEventListener('tokenworth:change', () => window.tokenworth.stop(), { once: true });
      return window.tokenworth.mount(spare, 'base=1&tokens=1');
    });
    await page.locator(`#${secondId}-base`).fill('2');
    await page.waitForFunction(
      () =>
        document.getElementById('spare').shadowRoot.childElementCount === 0 &&
        document.getElementById('before').shadowRoot.childElementCount === 0,
      null,
      { timeout: 10_000 },
    );
    // After stop(), the API still computes and mounts.
    const after = await page.evaluate(() => ({
      good: window.tokenworth.compute('base=375000&tokens=100000').offers[0].years[0].headline,
      id: window.tokenworth.mount(document.getElementById('before'), 'base=375000&tokens=100000'),
    }));
    assert.equal(after.good, '475000');
    assert.match(after.id, /^tw-\d+$/);
    await page.waitForFunction(
      () => document.getElementById('before').shadowRoot.querySelector('[data-offer=a] [data-fig=headline]')?.textContent === '$475,000',
      null,
      { timeout: 10_000 },
    );
    assert.deepEqual(opened.problems.pageErrors, [], 'uncaught page errors');
    await clean(opened.problems, server.url);
  } finally {
    await opened.context.close();
  }
});
