// End-to-end tests of the calculator on the built site (dist/), served on
// 127.0.0.1 under the strict CSP, in Debian's Chromium (playwright-core).
// Expected figures are worked out by hand from MODEL.md, not copied from
// the program. Screenshots go to tests/e2e/artifacts/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, clean, serveBuiltSite, ARTIFACTS, live } from './browser.mjs';

const require = createRequire(import.meta.url);

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

/** Opens the standalone page with a query and waits for the figures. */
async function open(query = '', contextOptions = {}) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  await page.goto(server.url + (query ? `?${query}` : ''), { waitUntil: 'load' });
  await page.locator('[data-offer=a] [data-fig=headline]').waitFor({ timeout: 20_000 });
  await live(page);
  return { context, page, problems };
}

const fig = (page, offer, name) => page.locator(`[data-offer=${offer}] [data-fig=${name}]`);

/**
 * Asserts the page's query once it is `expected` (a string, or a RegExp it
 * matches). The standalone page writes its URL when the reader pauses or
 * leaves the field (`replace_query_when_idle` in src/web/page.rs), so the
 * figures are on screen before the URL changes: wait for the URL, then
 * assert on what is there, so a wrong URL fails with the URL in the message.
 */
async function expectQuery(page, expected) {
  const want = typeof expected === 'string' ? { exact: expected } : { source: expected.source };
  await page
    .waitForFunction(
      (w) => (w.exact !== undefined ? location.search === w.exact : new RegExp(w.source).test(location.search)),
      want,
      { timeout: 10_000 },
    )
    .catch(() => {}); // the assertion below reports what the URL is instead
  const actual = await page.evaluate(() => location.search);
  if (typeof expected === 'string') assert.equal(actual, expected);
  else assert.match(actual, expected);
}

/**
 * Resolves after the next frame is painted and a task posted from it has
 * run. Call it after the field was left (blur): leaving writes a waiting
 * URL at once (`write_url_now`), so a URL that has not changed by then
 * will not change.
 */
const afterNextPaint = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));

// base 500,000, tokens 250,000, 10 % personal use, own spend 5,000, tax 30 %, 1 year:
//   headline = 750,000; compute share = 250/750 = 33.3 %; tokens/base = 50 %
//   personal = min(25,000, 5,000) = 5,000; imputed tax 1,500; token value 3,500
//   worth = 500,000 x 0.7 + 3,500 = 353,500; cash equivalent = 3,500 / 0.7 = 5,000
//   Sonnet 5 blended = 0.95 x (0.8 x 0.20 + 0.2 x 2) + 0.05 x 10 = 1.032 per M
//   tokens a day = 250,000 / 1.032 x 1e6 / 365 = 663.69 M -> 66,369 essays
const PREFILLED = 'base=500k&tokens=250k&personal=10&own=5k&tax=30&years=1';

test('a prefilled link shows its figures', async () => {
  const { context, page, problems } = await open(PREFILLED);
  try {
    assert.equal(await fig(page, 'a', 'headline').textContent(), '$750,000');
    assert.equal(await fig(page, 'a', 'worth').textContent(), '$353,500');
    assert.equal(await fig(page, 'a', 'compute-share').textContent(), '33.3%');
    assert.equal(await fig(page, 'a', 'compute-to-base').textContent(), '50%');
    assert.match(await fig(page, 'a', 'cash-equivalent').textContent(), /^\$5,000/);
    assert.match(await fig(page, 'a', 'buys').textContent(), /≈ 66,369 essays a day/);
    assert.match(await page.locator('[data-fig=verdict]').textContent(), /worth \$353,500 to you/);
    assert.equal(await page.getByLabel('Base salary', { exact: true }).inputValue(), '500,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('typing 375k updates the figures and the URL', async () => {
  const { context, page, problems } = await open(PREFILLED);
  try {
    const base = page.getByLabel('Base salary', { exact: true });
    await base.fill('375k');
    // 375,000 + 250,000
    await assert.doesNotReject(
      page.waitForFunction(
        () => document.querySelector('[data-tokenworth]').shadowRoot
          .querySelector('[data-offer=a] [data-fig=headline]').textContent === '$625,000',
      ),
    );
    assert.equal(await fig(page, 'a', 'compute-to-base').textContent(), '66.7%');
    // 375,000 is the default base: the shortest link leaves it out.
    await expectQuery(page, '?years=1&tax=30&tokens=250k&personal=10&own=5k');
    assert.equal(await base.inputValue(), '375k');
    await base.blur();
    assert.equal(await base.inputValue(), '375,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('garbage keeps what was typed, says what is accepted, and leaves the rest alone', async () => {
  const { context, page, problems } = await open(PREFILLED);
  try {
    const tokens = page.getByLabel('Token budget', { exact: true });
    await tokens.fill('lots of money');
    await tokens.blur();
    assert.equal(await tokens.inputValue(), 'lots of money');
    assert.equal(await tokens.getAttribute('aria-invalid'), 'true');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = await alert.textContent();
    // The field as the form labels it; its key (tokens) is for the console and the API.
    assert.match(message, /^Token budget: "lots of money" is not a number\./);
    assert.match(message, /from 0 to 1,000,000,000/);
    // Last valid figures, marked stale; URL unchanged; other fields intact.
    assert.equal(await fig(page, 'a', 'headline').textContent(), '$750,000');
    assert.match(await page.locator('.stale-note').textContent(), /last valid figures/);
    await afterNextPaint(page);
    assert.equal(await page.evaluate(() => location.search), `?${PREFILLED}`);
    assert.equal(await page.getByLabel('Base salary', { exact: true }).inputValue(), '500,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a link with bad keys applies the rest and says what was ignored', async () => {
  const { context, page, problems } = await open('base=400k&colour=red&tax=150');
  try {
    // 400,000 + 100,000 default tokens
    assert.equal(await fig(page, 'a', 'headline').textContent(), '$500,000');
    const notice = await page.locator('.notice').textContent();
    assert.match(notice, /Tax rate: "150" is out of range/);
    assert.doesNotMatch(notice, /\(tax\)/);
    assert.match(notice, /"colour": it is not a tokenworth setting/);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('Offer B: added from A, renamed, and a bigger headline that is the smaller offer', async () => {
  // A: 300,000 + 250,000 of tokens nobody may use = 550,000 on paper, 300,000 kept.
  const { context, page, problems } = await open('base=300k&tokens=250k&years=1');
  try {
    await page.getByRole('button', { name: 'Add an offer to compare' }).click();
    await fig(page, 'b', 'headline').waitFor();
    assert.equal(await fig(page, 'b', 'headline').textContent(), '$550,000');
    await expectQuery(page, /b\.base=300k&b\.tokens=250k/);
    await page.getByLabel('Offer name').fill('Startup');
    await page.getByLabel('Base salary', { exact: true }).fill('400k');
    await page.getByLabel('Token budget', { exact: true }).fill('0');
    // B: 400,000 on paper and kept; A has the bigger headline by 150,000.
    await page.locator('[data-fig=misleads]').waitFor();
    assert.equal(await fig(page, 'b', 'headline').textContent(), '$400,000');
    assert.equal(await page.locator('[data-offer=b] .offer-name').textContent(), 'Startup');
    const verdict = await page.locator('[data-fig=verdict]').textContent();
    assert.equal(
      verdict,
      'Startup is worth $100,000 more to you in the first year. Offer A has the bigger headline, by $150,000, but it is the smaller real offer.',
    );
    await expectQuery(page, /b\.label=Startup&b\.base=400k&b\.tokens=0/);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('Copy link copies the current scenario and confirms', async () => {
  const { context, page, problems } = await open(PREFILLED);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByLabel('Base salary', { exact: true }).fill('600k');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\?years=1&tax=30&base=600k&tokens=250k/);
    // The link is the page's own address (its URL is written when the reader pauses).
    await expectQuery(page, new URL(copied).search);
    assert.equal(copied, await page.evaluate(() => location.href));
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test("a recruiter's link locks fields: 'Set in this link.', kept through edits and in the copied link", async () => {
  const { context, page, problems } = await open('base=400k&tokens=120k&lock=base,tokens');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // 400,000 + 120,000 on paper.
    assert.equal(await fig(page, 'a', 'headline').textContent(), '$520,000');
    assert.equal(await page.locator('.notice').count(), 0, 'lock is not an ignored key');
    const field = (key) => page.locator(`input[type=text][id$="-${key}"]`).first();
    assert.deepEqual(
      [await field('base').evaluate((el) => el.readOnly), await field('tokens').evaluate((el) => el.readOnly)],
      [true, true],
    );
    const notes = await page.locator('.field.locked .hint').allTextContents();
    assert.ok(notes.length >= 2 && notes.every((n) => n === 'Set in this link.'), notes.join(' | '));
    // An edit elsewhere keeps the lock in the page's address (fields in
    // MODEL.md's order, then the lock).
    await field('tax').fill('30');
    await expectQuery(page, '?tax=30&base=400k&tokens=120k&lock=base%2Ctokens');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).search, '?tax=30&base=400k&tokens=120k&lock=base%2Ctokens');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('"% of base" survives a copied link', async () => {
  const { context, page, problems } = await open('base=400k&tokens=100k');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: '% of base' }).click();
    // 100k is the default budget: the shortest link leaves it out.
    await expectQuery(page, '?base=400k&tokens-as=percent');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).search, '?base=400k&tokens-as=percent');
    // The copied link opens with the budget as a percent of base: 100,000 / 400,000 = 25 %.
    const second = await context.newPage();
    await second.goto(copied);
    await second.locator('[data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await second.getByRole('button', { name: '% of base' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await second.locator('input[type=text][id$="-tokens"]').first().inputValue(), '25');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('no inline style: the widget under the strict CSP has no style attributes or <style>', async () => {
  const { context, page, problems } = await open(PREFILLED);
  try {
    const found = await page.evaluate(() => {
      const root = document.querySelector('[data-tokenworth]').shadowRoot;
      return {
        styled: root.querySelectorAll('[style]').length,
        styleElements: root.querySelectorAll('style').length,
        adopted: root.adoptedStyleSheets.length,
      };
    });
    assert.deepEqual(found, { styled: 0, styleElements: 0, adopted: 1 });
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('axe-core finds no serious or critical violations', async () => {
  // axe is injected as a script, which the strict CSP would block: this
  // context bypasses the CSP (the CSP itself is checked by the other tests).
  const { context, page } = await open(PREFILLED, { bypassCSP: true });
  try {
    await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
    // Open every disclosure so the hidden fields are scanned too.
    await page.evaluate(() => {
      for (const d of document.querySelector('[data-tokenworth]').shadowRoot.querySelectorAll('details')) d.open = true;
    });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await page.evaluate(() => window.axe.run(document));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `${scheme}: serious or critical axe violations`,
      );
    }
  } finally {
    await context.close();
  }
});

test('screenshots at 360 and 1200 px, light and dark', async () => {
  for (const width of [360, 1200]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await open(
        'base=300k&tokens=250k&personal=10&own=5k&tax=35&b.label=Startup&b.base=400k&b.tokens=10k&b.personal=50',
        { viewport: { width, height: 900 }, colorScheme },
      );
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${width}px ${colorScheme}: page scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: join(ARTIFACTS, `calculator-${width}-${colorScheme}.png`), fullPage: true });
        await clean(problems, server.url);
      } finally {
        await context.close();
      }
    }
  }
});

test('at 320 px nothing scrolls sideways, even with ten-figure amounts', async () => {
  const { context, page, problems } = await open(
    'base=1.2m&tokens=1000m&equity=10000000000&b.label=Startup',
    { viewport: { width: 320, height: 700 } },
  );
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});
