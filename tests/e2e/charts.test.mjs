// End-to-end tests of the year-by-year chart (value axis, each bar's value)
// and of a publisher's accent (contrast in light and dark), on the built
// site (dist/, or $TOKENWORTH_DIST) served under the strict CSP. Expected
// text comes from MODEL.md worked by hand and from Node's Intl, never from
// the program. Screenshots go to tests/e2e/artifacts/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { site, open, SITE } from './embed-site.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const require = createRequire(import.meta.url);

const usd = (v) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v);

// base 375,000, raise 3 % (the default), tokens 100,000, tax 0, 4 years (the default):
//   headline_y = 375,000 x 1.03^(y-1) + 100,000
//   year 1 475,000; year 2 486,250; year 3 497,837.5; year 4 509,772.625
//   value axis: the first of 1, 2, 2.5, 5 x 10^n with at most 6 intervals up to
//   509,772.625 is 100,000 (6 intervals): 0, 100,000, ..., 600,000.
const SCENARIO = 'base=375000&tokens=100000&tax=0';

let browser;
let server;
let demo;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  demo = await readFile(join(SITE, 'demo-article.html'), 'utf8');
  // The demo article with its accented widget following the reader's scheme,
  // so its accent is checked in light as well as in dark.
  const auto = demo.replace('data-theme="dark" data-accent', 'data-theme="auto" data-accent');
  assert.notEqual(auto, demo, 'the demo article has its dark accented widget');
  server = await site({ 'demo-article-auto.html': auto });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The standalone calculator with a scenario, once its figures are there. */
async function calculator(query, contextOptions = {}) {
  const opened = await open(browser, `${server.url}index.html?${query}`, contextOptions);
  await opened.page.locator('[data-offer=a] [data-fig=headline]').waitFor({ timeout: 20_000 });
  return opened;
}

test('the year chart has a value axis in round steps of money', async () => {
  const { context, page } = await calculator(SCENARIO);
  try {
    const labels = await page.locator('.per-year .value-axis span').allTextContents();
    assert.deepEqual(labels, [0, 1, 2, 3, 4, 5, 6].map((i) => usd(i * 100_000)));
    assert.equal(await page.locator('.per-year line.gridline').count(), 7);
  } finally {
    await context.close();
  }
});

test('each bar tells its value in its accessible name and its title', async () => {
  const { context, page } = await calculator(SCENARIO);
  try {
    const name = `Offer A, year 2: headline ${usd(486_250)}`;
    const bar = page.getByRole('img', { name, exact: true });
    assert.equal(await bar.count(), 1, `one bar named "${name}"`);
    assert.equal(await bar.locator('title').textContent(), name);
    // Year 1 worth: personal use 0 % (the default) makes the token value 0, and
    // with tax 0 the worth is the cash, 375,000.
    assert.equal(await page.getByRole('img', { name: `Offer A, year 1: worth to you ${usd(375_000)}`, exact: true }).count(), 1);
  } finally {
    await context.close();
  }
});

test('the chart is one tab stop; arrow keys read the bars with a visible focus', async () => {
  const { context, page } = await calculator(SCENARIO);
  try {
    const plot = page.locator('.per-year .plot');
    await plot.focus();
    // Bars run year by year, headline then worth: focus shows year 1
    // headline; two steps right is year 2 headline.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const name = `Offer A, year 2: headline ${usd(486_250)}`;
    await page.locator('.per-year .readout', { hasText: name }).waitFor();
    const state = await plot.evaluate((el) => {
      const active = el.getRootNode().getElementById(el.getAttribute('aria-activedescendant'));
      const style = getComputedStyle(el);
      return {
        active: active?.getAttribute('aria-label'),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        tabStops: el.getRootNode().querySelectorAll('.per-year [tabindex]').length,
      };
    });
    assert.equal(state.active, name);
    assert.equal(state.outline, 'solid 3px');
    assert.equal(state.tabStops, 1);
  } finally {
    await context.close();
  }
});

/** WCAG 2 contrast of two `rgb(r, g, b)` colours, from the definition. */
function contrast(a, b) {
  const lum = ([r, g, b]) => {
    const lin = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [x, y] = [lum(a) + 0.05, lum(b) + 0.05];
  return Math.max(x, y) / Math.min(x, y);
}

test('every bar of the year chart has 3:1 against the background, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await calculator(`${SCENARIO}&b.base=480k`, { colorScheme });
    try {
      const seen = await page.locator('[data-tokenworth]').evaluate((host) => {
        const root = host.shadowRoot;
        const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
        const bg = rgb(getComputedStyle(root.querySelector('.tw')).backgroundColor);
        const bars = [...root.querySelectorAll('.per-year .yb')].filter((r) => !r.closest('.legend'));
        return bars.slice(0, 4).map((rect) => {
          const style = getComputedStyle(rect);
          // A bar drawn translucent shows as its colour over the background.
          const a = Number(style.opacity) * Number(style.fillOpacity);
          const fill = rgb(style.fill).map((c, i) => a * c + (1 - a) * bg[i]);
          return { bar: rect.getAttribute('class'), fill, bg };
        });
      });
      assert.equal(seen.length, 4, 'headline and worth bars of offers A and B');
      for (const { bar, fill, bg } of seen) {
        const ratio = contrast(fill, bg);
        assert.ok(ratio >= 3, `${colorScheme}: ${bar} is ${ratio.toFixed(2)}:1 on the background`);
      }
    } finally {
      await context.close();
    }
  }
});

/** Both widgets of a demo article page mounted, every disclosure open. */
async function demoPage(file, colorScheme) {
  // axe is injected as a script, which the strict CSP would block: this
  // context bypasses the CSP (the other tests check the CSP itself).
  const opened = await open(browser, server.url + file, { bypassCSP: true, colorScheme });
  const { page } = opened;
  await page.waitForFunction(() =>
    ['claim', 'versus'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('[data-fig=headline]')),
  );
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-tokenworth]')) {
      for (const d of host.shadowRoot.querySelectorAll('details')) d.open = true;
    }
  });
  return opened;
}

test('the demo article with its accent is axe clean in light and dark', async () => {
  const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const file of ['demo-article.html', 'demo-article-auto.html']) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await demoPage(file, colorScheme);
      try {
        await page.addScriptTag({ content: axe });
        const result = await page.evaluate(() => window.axe.run(document));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(
          bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          [],
          `${file} ${colorScheme}: serious or critical axe violations`,
        );
      } finally {
        await context.close();
      }
    }
  }
});

test('screenshots at 390 and 1280 px, light and dark', async () => {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const options = { viewport: { width, height: 900 }, colorScheme };
      const { context, page } = await calculator(`${SCENARIO}&b.label=Plain&b.base=480k&b.tokens=0`, options);
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${width}px ${colorScheme}: page scrolls sideways by ${overflow}px`);
        await page.locator('[data-tokenworth]').locator('.per-year').screenshot({
          path: join(ARTIFACTS, `charts-${width}-${colorScheme}.png`),
        });
      } finally {
        await context.close();
      }
      const article = await demoPage('demo-article-auto.html', colorScheme);
      try {
        await article.page.setViewportSize({ width, height: 900 });
        // The accented widget's results: buttons, links and charts in its accent.
        await article.page.locator('#versus .results').screenshot({
          path: join(ARTIFACTS, `demo-${width}-${colorScheme}.png`),
        });
      } finally {
        await article.context.close();
      }
    }
  }
});
