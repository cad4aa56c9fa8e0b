// The article layout (issue 11, point 1): in an embed the reader first sees
// the answer (both figures, the compute share, the verdict) and the four
// inputs that matter most; everything else is one click away, the figures
// stay in view while the reader edits, and the Embed panel is left to the
// standalone page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean } from './embed-site.mjs';

// An article page: the widget in the flow of the text (the viewport below
// makes the column 680 px wide).
const ARTICLE = (body) => html(`<article><p>Text before.</p>${body}<p>Text after.</p></article>`);

let server;
let browser;

before(async () => {
  server = await site({
    'one.html': ARTICLE('<div id="w" data-tokenworth data-base="375000" data-tokens="100000"></div>'),
    'two.html': ARTICLE('<div id="w" data-tokenworth data-base="500k" data-tokens="250k" data-b-base="560k" data-b-tokens="0"></div>'),
    'locked-b.html': ARTICLE(
      '<div id="w" data-tokenworth data-base="500k" data-tokens="250k" data-b-label="Plain offer" data-b-base="560k" data-b-tokens="0" data-lock="base,b.base"></div>',
    ),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWPORT = { viewport: { width: 680, height: 800 } };

/** Waits for the widget's headline figure. */
async function shown(page) {
  await ready(page);
  await page.locator('#w [data-offer=a] [data-fig=headline]').waitFor();
}

test('one offer at 680 px wide: at most 900 px tall, the answer above the four inputs that matter', async () => {
  const { context, page, problems } = await open(browser, server.url + 'one.html', VIEWPORT);
  try {
    await shown(page);
    const height = await page.evaluate(() => document.getElementById('w').getBoundingClientRect().height);
    assert.ok(height <= 900, `the widget is ${height} px tall`);
    const layout = await page.evaluate(() => {
      const sr = document.getElementById('w').shadowRoot;
      const top = (el) => el.getBoundingClientRect().top;
      // checkVisibility: content in a closed <details> still has boxes in Chromium.
      const visible = (el) => !!el && el.checkVisibility({ visibilityProperty: true });
      const field = (key) => sr.querySelector(`input[type=text][id$="-${key}"]`);
      return {
        headlineAboveBase: top(sr.querySelector('[data-fig=headline]')) < top(field('base')),
        verdictAboveBase: top(sr.querySelector('.verdict')) < top(field('base')),
        computeShare: visible(sr.querySelector('[data-fig=compute-share]')),
        upFront: ['base', 'tokens', 'personal', 'tax'].map((k) => visible(field(k))),
        folded: ['bonus', 'equity', 'years', 'own'].map((k) => visible(field(k))),
        embedPanel: sr.querySelectorAll('.embed-panel').length,
      };
    });
    assert.deepEqual(layout, {
      headlineAboveBase: true,
      verdictAboveBase: true,
      computeShare: true,
      upFront: [true, true, true, true],
      folded: [false, false, false, false],
      embedPanel: 0,
    });
    // Everything else is one click away.
    await page.locator('#w summary', { hasText: 'All settings and details' }).click();
    await page.locator('#w input[type=text][id$="-bonus"]').waitFor({ state: 'visible' });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('two offers at 680 px sit side by side', async () => {
  const { context, page, problems } = await open(browser, server.url + 'two.html', VIEWPORT);
  try {
    await shown(page);
    const tops = await page.evaluate(() => {
      const sr = document.getElementById('w').shadowRoot;
      return ['a', 'b'].map((o) => Math.round(sr.querySelector(`[data-offer=${o}]`).getBoundingClientRect().top));
    });
    assert.equal(tops[0], tops[1], 'both offers on one row');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('editing a field deep in the fold keeps both figures in view, marked stale while the field is bad', async () => {
  const { context, page, problems } = await open(browser, server.url + 'one.html', VIEWPORT);
  try {
    await shown(page);
    await page.locator('#w summary', { hasText: 'All settings and details' }).click();
    const equity = page.locator('#w input[type=text][id$="-equity"]');
    // The equity field is in a folded group: open it if needed, then type a bad value.
    if (!(await equity.isVisible())) await page.locator('#w summary', { hasText: /equity/i }).first().click();
    await equity.scrollIntoViewIfNeeded();
    await equity.fill('lots');
    const peek = page.locator('#w .peek');
    await peek.waitFor({ state: 'visible' });
    const inView = await peek.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the figures strip is in the viewport');
    const text = await peek.textContent();
    assert.match(text, /Last valid figures/);
    // MODEL.md: base 375000 + tokens 100000 = 475000 on paper, 375000 worth to you.
    assert.match(text, /On paper \$475,000/);
    assert.match(text, /Worth to you \$375,000/);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('on the demo article at 390 px (hostile host CSS) nothing reaches past the widget\'s edge', async () => {
  const { context, page, problems } = await open(browser, server.url + 'demo-article.html', { viewport: { width: 390, height: 800 } });
  try {
    await ready(page);
    await page.locator('#versus [data-offer=a] [data-fig=headline]').waitFor();
    const overflow = await page.evaluate(() =>
      ['claim', 'versus'].flatMap((id) => {
        const root = document.getElementById(id).shadowRoot.querySelector('.tw');
        const edge = root.getBoundingClientRect().right + 0.5;
        return [...root.querySelectorAll('input, button, .fig-value, summary')]
          .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > edge)
          .map((el) => `${id}: ${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`);
      }),
    );
    assert.deepEqual(overflow, []);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('removing and re-adding offer B brings back its locked value and its label, not a copy of A', async () => {
  const { context, page, problems } = await open(browser, server.url + 'locked-b.html', VIEWPORT);
  try {
    await shown(page);
    const b = page.locator('#w [data-offer=b] [data-fig=headline]');
    // Offer B: 560,000 + 0 tokens.
    assert.equal(await b.textContent(), '$560,000');
    await page.locator('#w').getByRole('button', { name: 'Remove Offer B' }).click();
    await b.waitFor({ state: 'detached' });
    // Adding it back is the Undo that replaces "Add an offer to compare".
    await page.locator('#w').getByRole('button', { name: 'Undo' }).click();
    await b.waitFor();
    assert.equal(await b.textContent(), '$560,000', 'a copy of A would show $750,000');
    assert.equal(await page.locator('#w [data-offer=b] .offer-name').textContent(), 'Plain offer');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('forgiving edits: focus after Add is on the new offer (two Enters delete nothing), Remove can be undone, Reset restores the start', async () => {
  const { context, page, problems } = await open(browser, server.url + 'one.html', VIEWPORT);
  try {
    await shown(page);
    const w = page.locator('#w');
    const focused = () => page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.textContent ?? null);
    const offerB = w.locator('[data-offer=b] [data-fig=headline]');
    await w.getByRole('button', { name: 'Add an offer to compare' }).focus();
    await page.keyboard.press('Enter');
    await offerB.waitFor();
    assert.equal(await focused(), 'Offer B', 'focus is on the new offer, not on Remove');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(await offerB.count(), 1, 'two Enters did not remove it');

    // Remove, then Undo (focused) brings the same offer back: B as a copy of
    // A, 375,000 + 100,000.
    await w.getByRole('button', { name: 'Remove Offer B' }).click();
    await offerB.waitFor({ state: 'detached' });
    assert.match(await w.locator('.undo').textContent(), /Offer B removed\./);
    assert.equal(await focused(), 'Undo');
    await page.keyboard.press('Enter');
    await offerB.waitFor();
    assert.equal(await offerB.textContent(), '$475,000');

    // Reset: back to the starting scenario (no offer B, tax 0), nothing left to reset.
    await w.locator('input[type=text][id$="-tax"]').fill('30');
    await w.getByRole('button', { name: 'Reset to the starting figures' }).click();
    await offerB.waitFor({ state: 'detached' });
    assert.equal(await w.locator('input[type=text][id$="-tax"]').inputValue(), '0');
    assert.equal(await w.getByRole('button', { name: 'Reset to the starting figures' }).count(), 0);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a field that becomes invalid keeps its slider where it was', async () => {
  const { context, page, problems } = await open(browser, server.url + 'one.html', VIEWPORT);
  try {
    await shown(page);
    const w = page.locator('#w');
    await w.locator('input[type=text][id$="-tax"]').fill('30');
    await page.waitForFunction(() => {
      const r = document.getElementById('w').shadowRoot.querySelector('input[type=text][id$="-tax"]').closest('.field')?.querySelector('input[type=range]');
      return r && r.value === '30';
    });
    await w.locator('input[type=text][id$="-tax"]').fill('thirty');
    await w.locator('[id$="-tax-err"]').waitFor();
    const value = await page.evaluate(
      () => document.getElementById('w').shadowRoot.querySelector('input[type=text][id$="-tax"]').closest('.field').querySelector('input[type=range]').value,
    );
    assert.equal(value, '30', 'the slider stays at the last valid 30 %, not at 0');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});
