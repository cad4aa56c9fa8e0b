// Screenshots for looking at a change by eye (not a test):
//   node tests/e2e/shoot.mjs <page under dist/> <out.png> [width] [dark|light|print] [full|view] [selector]
// Serves dist/ with the strict CSP of `make serve`, waits for the widgets,
// and prints each widget's height. PLACEHOLDER=1: holds the wasm and shoots
// the loader's placeholders instead (what the reader sees before the app runs).
import { launch, DIST } from './browser.mjs';
import { serve } from './server.mjs';

const [path = 'index.html', out = 'shot.png', width = '1280', scheme = 'light', full = 'full', selector = ''] = process.argv.slice(2);
const server = await serve({ dir: DIST, csp: true });
const browser = await launch();
try {
  const context = await browser.newContext({
    viewport: { width: Number(width), height: 900 },
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', String(e)));
  const placeholder = Boolean(process.env.PLACEHOLDER);
  // Never released: the page stays as it is before the wasm arrives.
  if (placeholder) await page.route(/_bg\.wasm$/, () => new Promise(() => {}));
  await page.goto(new URL(path, server.url).href);
  if (placeholder) {
    await page.waitForFunction(() => [...document.querySelectorAll('[data-tokenworth]')]
      .every((h) => h.shadowRoot?.querySelector('.tw-placeholder, iframe')), null, { timeout: 10000 });
  } else {
    await page.waitForFunction(() => window.tokenworth?.ready).catch(() => {});
    await page.evaluate(() => window.tokenworth.ready).catch((e) => console.error('not ready', String(e)));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-tokenworth]')]
      .every((h) => h.shadowRoot?.querySelector('[data-fig="headline"]')), null, { timeout: 10000 }).catch(() => {});
  }
  if (scheme === 'print') await page.emulateMedia({ media: 'print' });
  const heights = await page.evaluate(() => [...document.querySelectorAll('[data-tokenworth]')]
    .map((h) => `${h.id || 'widget'}: ${Math.round(h.getBoundingClientRect().height)} px`));
  console.log(heights.join('\n'));
  if (selector) await page.locator(selector).screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: full === 'full' });
} finally {
  await browser.close();
  await server.close();
}
