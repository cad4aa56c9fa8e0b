// Print and take away (issue 11 point 7), on the standalone page of the
// built site under the strict CSP: the print stylesheet leaves the figures
// and tables, black on white, and no controls; "Download CSV" saves the
// year-by-year table, rows hand-computed below; the result card saves as
// an SVG image. All made in the browser: no request leaves the page.
// Screenshots (390 and 1280 px, light and dark, and print) go to
// tests/e2e/artifacts/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, serveBuiltSite, ARTIFACTS, live } from './browser.mjs';


// MODEL.md by hand, years = 2, tax 0, raise 3 % (default), own 2400 (default).
// Offer A: base 375000, tokens 100000, personal 0.
//   y1: base 375000, tokens 100000, headline 475000, kept 0, worth 375000.
//   y2: base 375000 * 1.03 = 386250, headline 386250 + 100000 = 486250, worth 386250.
// Offer B `Big "Co", Inc`: base 400000.55, bonus 10 %, signing 20000, tokens
// 50000, personal 10 % -> allowance 5000, kept min(5000, 2400) = 2400.
//   y1: bonus 40000.055 -> 40000.06 (a half, away from zero);
//       headline 400000.55 + 40000.055 + 20000 + 50000 = 510000.605 -> 510000.61;
//       worth 400000.55 + 40000.055 + 20000 + 2400 = 462400.605 -> 462400.61.
//   y2: base 400000.55 * 1.03 = 412000.5665 -> 412000.57; bonus 41200.05665 -> 41200.06;
//       headline 412000.5665 + 41200.05665 + 50000 = 503200.62315 -> 503200.62;
//       worth 412000.5665 + 41200.05665 + 2400 = 455600.62315 -> 455600.62.
// Cents, half away from zero; the label quoted per RFC 4180; CRLF line ends.
const QUERY =
  'base=375000&tokens=100000&years=2&b.label=Big%20%22Co%22%2C%20Inc&b.base=400000.55' +
  '&b.bonus=10&b.signing=20000&b.tokens=50000&b.personal=10';
const CSV = [
  'offer,year,base,bonus,signing,equity,tokens,headline,token value to you,worth to you',
  'Offer A,1,375000.00,0.00,0.00,0.00,100000.00,475000.00,0.00,375000.00',
  'Offer A,2,386250.00,0.00,0.00,0.00,100000.00,486250.00,0.00,386250.00',
  '"Big ""Co"", Inc",1,400000.55,40000.06,20000.00,0.00,50000.00,510000.61,2400.00,462400.61',
  '"Big ""Co"", Inc",2,412000.57,41200.06,0.00,0.00,50000.00,503200.62,2400.00,455600.62',
  '',
].join('\r\n');

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

async function open(contextOptions = {}) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}?${QUERY}`, { waitUntil: 'load' });
  await page.locator('[data-offer=a] [data-fig=headline]').waitFor({ timeout: 20_000 });
  await live(page);
  return { context, page, problems, requests };
}

/** What is visible inside the widget, by kind. */
const visibility = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-tokenworth]').shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].map((e) => e.checkVisibility());
    const headline = root.querySelector('[data-offer=a] [data-fig=headline]');
    return {
      controls: shown('input, select, textarea, button'),
      peek: shown('.peek'),
      headline: headline.checkVisibility(),
      headlineColor: getComputedStyle(headline).color,
      background: getComputedStyle(root.querySelector('.tw')).backgroundColor,
      verdict: shown('[data-fig=verdict]'),
      compare: shown('.compare'),
      yearRows: shown('table.years tbody tr'),
    };
  });

test('the print stylesheet keeps figures, verdict, comparison and years, black on white, and drops every control', async () => {
  const { context, page, problems } = await open({ colorScheme: 'dark', viewport: { width: 390, height: 900 } });
  try {
    const screen = await visibility(page);
    assert.ok(screen.controls.some(Boolean), 'controls are on screen');
    assert.ok(screen.yearRows.every((v) => !v), 'the year table is folded on screen');
    await page.emulateMedia({ media: 'print' });
    const paper = await visibility(page);
    assert.ok(paper.controls.length > 10);
    assert.deepEqual(paper.controls.filter(Boolean), [], 'no input, select or button on paper');
    assert.deepEqual(paper.peek, [false], 'no sticky strip on paper');
    assert.equal(paper.headline, true);
    assert.equal(paper.headlineColor, 'rgb(0, 0, 0)');
    assert.equal(paper.background, 'rgb(255, 255, 255)');
    assert.deepEqual(paper.verdict, [true]);
    assert.deepEqual(paper.compare, [true]);
    // Two offers, two years each, unfolded for paper.
    assert.deepEqual(paper.yearRows, [true, true, true, true]);
    await page.screenshot({ path: join(ARTIFACTS, 'takeaway-print-390.png'), fullPage: true });
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('Download CSV saves the year-by-year table of both offers, as computed by hand, with no request', async () => {
  const { context, page, problems, requests } = await open();
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-action=csv]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'tokenworth-years.csv');
    assert.equal(await readFile(await download.path(), 'utf8'), CSV);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests that left the origin');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('the result card saves as an SVG image with the figures and the verdict', async () => {
  const { context, page } = await open();
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-action=card]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'tokenworth-result.svg');
    const svg = await readFile(await download.path(), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Year 1 as on screen: A 475000 / 375000, share 100000 / 475000 = 21.05 % -> 21.1 %;
    // B 510000.605 -> $510,001 on paper, 462400.605 -> $462,401 to you.
    assert.match(svg, />On paper: \$475,000 a year</);
    assert.match(svg, />Worth to you: \$375,000 a year</);
    assert.match(svg, />Compute share: 21.1%</);
    assert.match(svg, />Big &quot;Co&quot;, Inc</);
    assert.match(svg, />On paper: \$510,001 a year</);
    // Over 2 years B is worth 462400.605 + 455600.62315 = 918001.23 -> 918,001,
    // A 375000 + 386250 = 761250: 918001 - 761250 = 156751 more.
    assert.match(svg, /Big &quot;Co&quot;, Inc is worth \$156,751 more to you over 2 years/);
    // The image opens as an image.
    const image = await context.newPage();
    await image.setContent(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    const width = await image.evaluate(async () => {
      const img = document.querySelector('img');
      await img.decode();
      return img.naturalWidth;
    });
    assert.equal(width, 640);
  } finally {
    await context.close();
  }
});

test('screenshots at 390 and 1280 px, light and dark, and print', async () => {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await open({ viewport: { width, height: 900 }, colorScheme });
      try {
        await page.screenshot({ path: join(ARTIFACTS, `takeaway-${width}-${colorScheme}.png`), fullPage: true });
        if (colorScheme === 'dark') {
          await page.emulateMedia({ media: 'print' });
          await page.screenshot({ path: join(ARTIFACTS, `takeaway-print-${width}.png`), fullPage: true });
        }
      } finally {
        await context.close();
      }
    }
  }
});
