// Badges for job boards: 1,000 on one page, each with the right compute
// share to one decimal, rendered fast by one wasm instance; hostile host
// CSS does not reach them; a bad badge shows its message on itself only.
//
// Expected chip text, computed here: worth to you = base (tax 0, no
// personal use), written by Intl's compact USD format; share = tokens /
// (base + tokens) in year 1 (no bonus, signing or equity), in whole
// percent, halves away from zero (under half a percent: "<1%").
// base 375000 + tokens 100000 -> "$375K to you · 21% compute".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

const COUNT = 1000;

/** Base and tokens of listing i. */
const offer = (i) => ({ base: 100_000 + i * 997, tokens: (i % 53) * 3_100 });

const compactUsd = new Intl.NumberFormat('en-US', { notation: 'compact', style: 'currency', currency: 'USD' });

function expected({ base, tokens }) {
  const toYou = `${compactUsd.format(base)} to you · `;
  if (tokens === 0) return `${toYou}no tokens`;
  const total = BigInt(base + tokens);
  const percent = (2n * BigInt(tokens) * 100n + total) / (2n * total);
  return `${toYou}${percent === 0n ? '<1' : percent}% compute`;
}

/**
 * Waits until every badge under `#rootId` (the document if none) shows its
 * chip: badges out of view render in idle-time chunks after `ready`. A
 * function, not a string: a string predicate is eval'd in the page, which the
 * strict CSP refuses.
 */
const allRendered = (page, rootId = null, options = {}) =>
  page.waitForFunction(
    (id) =>
      [...(id ? document.getElementById(id) : document).querySelectorAll('[data-tokenworth-badge]')].every(
        (b) => b.shadowRoot?.querySelector('.chip'),
      ),
    rootId,
    options,
  );

/** The chip text of every badge under `root` (null where none rendered). */
const chipTexts = (root) =>
  [...root.querySelectorAll('[data-tokenworth-badge]')].map((b) => b.shadowRoot?.querySelector('.chip')?.textContent ?? null);

const badge = (i) => {
  const { base, tokens } = offer(i);
  return `<li>Job ${i} <span data-tokenworth-badge data-base="${base}" data-tokens="${tokens}"></span></li>`;
};

let server;
let browser;

before(async () => {
  const list = Array.from({ length: COUNT }, (_, i) => badge(i)).join('\n');
  server = await site({
    'badges.html': html(
      `<p><span id="claim" data-tokenworth-badge data-base="375000" data-tokens="100000"></span>
       <span id="bad" data-tokenworth-badge data-base="lots" data-tokens="100000"></span></p>
       <ul id="jobs">${list}</ul>`,
      { head: '<link rel="stylesheet" href="demo-hostile.css">', scriptFirst: true },
    ),
    'empty.html': html('<ul id="jobs"></ul>'),
    // The bench listing's lines (page.css: 16px, line-height 1.5) and the
    // demo's (demo.css: 17px/1.6), each with a badge and without.
    ...Object.fromEntries(
      ['page.css', 'demo.css'].map((css) => [
        `lines-${css}.html`,
        html(
          `<main><p id="with">Base $375,000, tokens $100,000 <span data-tokenworth-badge data-base="375000" data-tokens="100000"></span></p>
           <p id="without">Base $375,000, tokens $100,000</p></main>`,
          { head: `<link rel="stylesheet" href="${css}">` },
        ),
      ]),
    ),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test(`${COUNT} badges written in the page render the right text`, async () => {
  const { context, page, problems } = await open(browser, server.url + 'badges.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    // Those in view render at once, the rest in idle time: wait for all.
    await allRendered(page);
    const texts = await page.evaluate(`(${chipTexts})(document.getElementById('jobs'))`);
    assert.equal(texts.length, COUNT);
    const wrong = texts
      .map((t, i) => [i, t, expected(offer(i))])
      .filter(([, t, e]) => t !== e);
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} badges wrong`);

    const claim = await page.evaluate(() => {
      const badge = document.getElementById('claim').shadowRoot.querySelector('.badge');
      const s = getComputedStyle(badge);
      return {
        text: badge.querySelector('.chip').textContent,
        label: badge.querySelector('.full').textContent,
        title: badge.getAttribute('title'),
        fontSize: s.fontSize,
        letterSpacing: s.letterSpacing,
        transform: s.textTransform,
        color: s.color,
      };
    });
    assert.equal(claim.text, '$375K to you · 21% compute');
    assert.match(claim.label, /\$475,000 on paper, worth \$375,000 to you/);
    // The sentence is part of the link, not a hover-only tooltip.
    assert.equal(claim.title, null);
    // demo-hostile.css says 40px, red, uppercase, letter-spacing 8px, all !important.
    assert.equal(claim.fontSize, '12px');
    assert.equal(claim.letterSpacing, 'normal');
    assert.equal(claim.transform, 'none');
    assert.notEqual(claim.color, 'rgb(255, 0, 0)');

    const bad = await page.evaluate(() => {
      const badge = document.getElementById('bad').shadowRoot.querySelector('.badge');
      return { text: badge.querySelector('.chip').textContent, title: badge.querySelector('.full').textContent, cls: badge.className };
    });
    assert.match(bad.cls, /error/);
    assert.match(bad.title, /Base salary \(base\): "lots"/);
    // Only that badge: every other one rendered its share.
    assert.ok(texts.every((t) => !/check/.test(t)));
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test(`${COUNT} badges added after load render the right text`, async () => {
  const { context, page, problems } = await open(browser, server.url + 'empty.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    await page.evaluate((count) => {
      const list = document.getElementById('jobs');
      const frag = document.createDocumentFragment();
      for (let i = 0; i < count; i++) {
        const li = document.createElement('li');
        const span = document.createElement('span');
        span.setAttribute('data-tokenworth-badge', '');
        span.setAttribute('data-base', String(100000 + i * 997));
        span.setAttribute('data-tokens', String((i % 53) * 3100));
        li.append(`Job ${i} `, span);
        frag.append(li);
      }
      list.append(frag);
    }, COUNT);
    // The page's MutationObserver renders them after that task: wait for all
    // (how fast is `make bench`'s figure, not this test's).
    await allRendered(page, 'jobs', { timeout: 20_000 }).catch(() => {}); // the comparison below names the badges that did not render
    const texts = await page.evaluate(`(${chipTexts})(document.getElementById('jobs'))`);
    assert.equal(texts.length, COUNT);
    assert.deepEqual(
      texts.map((t, i) => [i, t]).filter(([i, t]) => t !== expected(offer(i))).slice(0, 5),
      [],
    );
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

// A badge is shorter than the line it sits on (its margin box, not its
// chip): a line made taller by a badge moves everything below it, for each
// badge of a listing (a layout shift, and a relayout of the rest of the page
// for every pass that shows badges). Failed before: 24.1875 px against 24.
for (const css of ['page.css', 'demo.css']) {
  test(`a badge does not make its line taller (${css})`, async () => {
    const { context, page, problems } = await open(browser, `${server.url}lines-${css}.html`);
    try {
      assert.deepEqual(await ready(page), { ok: true });
      await allRendered(page);
      const heights = await page.evaluate(() =>
        ['with', 'without'].map((id) => document.getElementById(id).getBoundingClientRect().height),
      );
      assert.equal(heights[0], heights[1], `paragraph with a badge ${heights[0]} px, without ${heights[1]} px`);
      await clean(problems, server.url);
    } finally {
      await context.close();
    }
  });
}
