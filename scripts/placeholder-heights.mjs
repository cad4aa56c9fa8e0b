// Measures the parts of the embedded widget (the article layout, ui/app.rs)
// at every content width from MIN to MAX px and writes the table of
// PLACEHOLDER_PARTS in www/embed.js, from which the loader sizes each
// widget's placeholder before the wasm runs (no layout shift when the
// widget replaces it).
//
//   make site && node scripts/placeholder-heights.mjs && make site
//
// How: dist/ served under the strict CSP in headless Chromium (1280 px
// viewport, so the widget's 16 px padding); one page per variant below;
// the host's width set so that the widget's content box (the `.tw` element
// minus its 1 px border and padding, the width its container queries see)
// is W; the height of each part's box read for every integer W, stored as
// straight segments (`segments` below).
// tests/e2e/placeholder.test.mjs fails when the widget no longer has the
// heights this table gives.

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';
import { site, page as html, ready } from '../tests/e2e/embed-site.mjs';

const MIN = 200;
const MAX = 1240;
const EMBED = fileURLToPath(new URL('../www/embed.js', import.meta.url));

const ONE = 'data-base="375000" data-tokens="100000"';
const TWO = 'data-base="500k" data-tokens="250k" data-b-base="560k" data-b-tokens="0"';
// part name -> [host attributes, selector of the part inside the shadow root]
const PARTS = {
  answerOne: [ONE, '.answer'],
  answerTwo: [TWO, '.answer'],
  formAdd: [ONE, '.inputs.up-front'],
  formNoCompare: [`${ONE} data-hide="compare"`, '.inputs.up-front'],
  formTwo: [TWO, '.inputs.up-front'],
  share: [ONE, '.share'],
  shareNoCopy: [`${ONE} data-hide="share"`, '.share'],
  fold: [ONE, '.inputs-fold'],
  foldCompact: [`${ONE} data-compact`, '.inputs-fold'],
};

const pages = {};
for (const [name, [attrs]] of Object.entries(PARTS)) pages[`${name}.html`] = html(`<div id="w" data-tokenworth ${attrs}></div>`);
const server = await site(pages);
const browser = await launch();
const table = {};
try {
  for (const [name, [, selector]] of Object.entries(PARTS)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${name}.html`);
    await ready(page);
    await page.locator('#w [data-offer=a] [data-fig=headline]').waitFor();
    table[name] = await page.evaluate(
      ({ selector, min, max }) => {
        const host = document.getElementById('w');
        const tw = host.shadowRoot.querySelector('.tw');
        const part = host.shadowRoot.querySelector(selector);
        const style = getComputedStyle(tw);
        // The host's width for a content width of w: plus .tw's border and padding.
        const frame = ['borderLeftWidth', 'borderRightWidth', 'paddingLeft', 'paddingRight']
          .reduce((sum, k) => sum + parseFloat(style[k]), 0);
        const steps = [];
        for (let w = min; w <= max; w += 1) {
          host.style.width = `${w + frame}px`;
          steps.push([w, part.getBoundingClientRect().height]);
        }
        return steps;
      },
      { selector, min: MIN, max: MAX },
    );
    await context.close();
    console.log(`${name}: ${table[name].length} steps`);
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * The measured heights as straight segments: [from width, height there,
 * px of height per px of width], each segment as long as every measured
 * height on it is within TOLERANCE of the line. Heights jump where text
 * wraps, and grow linearly where the figures' font size follows the width
 * (`font-size: clamp(20px, 8cqi, 38.4px)` in style.css).
 */
const TOLERANCE = 0.25;
const MAX_SLOPE = 0.5; // the figures grow by at most 0.19 px per px (two stacked offers)
function segments(points) {
  const out = [];
  let i = 0;
  while (i < points.length) {
    const [w0, h0] = points[i];
    let j = i + 1;
    let slope = 0;
    // Extend while one slope (the one through the last point) fits every point.
    while (j < points.length) {
      const [w, h] = points[j];
      const s = (h - h0) / (w - w0);
      // A jump (text wrapping) is a new segment, never a steep slope.
      if (Math.abs(s) > MAX_SLOPE) break;
      if (!points.slice(i, j + 1).every(([x, y]) => Math.abs(h0 + s * (x - w0) - y) <= TOLERANCE)) break;
      slope = s;
      j += 1;
    }
    out.push([w0, Math.round(h0 * 10) / 10, Math.round(slope * 10000) / 10000]);
    i = j;
  }
  return out;
}

const body = Object.entries(table)
  .map(([name, points]) => `    ${name}: [${segments(points).map((s) => s.join(', ')).join(', ')}],`)
  .join('\n');
if (process.argv.includes('--print')) {
  console.log(body);
  process.exit(0);
}
const source = await readFile(EMBED, 'utf8');
const begin = '  const PLACEHOLDER_PARTS = {\n';
const end = '\n  }; // end of PLACEHOLDER_PARTS';
const from = source.indexOf(begin);
const to = source.indexOf(end);
if (from < 0 || to < 0) throw new Error('www/embed.js: no PLACEHOLDER_PARTS table to replace');
await writeFile(EMBED, source.slice(0, from + begin.length) + body + source.slice(to));
console.log('wrote the PLACEHOLDER_PARTS table of www/embed.js');
