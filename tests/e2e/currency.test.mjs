// End-to-end tests of the model-version-2 inputs (MODEL.md, "Currencies"):
// the exchange rate field, money defaults that follow the currency, and the
// price table's date, source and long-context note beside the model choice.
// Expected figures are worked out by hand from MODEL.md and PRICES.md.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, STRICT_CSP } from './server.mjs';
import { launch, openPage, DIST, live } from './browser.mjs';

let server;
let browser;

before(async () => {
  await access(join(DIST, 'index.html')).catch(() => {
    throw new Error(`no ${DIST}index.html: run \`make site\` first (make test does)`);
  });
  server = await serve({ dir: DIST, csp: STRICT_CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '') {
  const { context, page, problems } = await openPage(browser);
  await page.goto(server.url + (query ? `?${query}` : ''), { waitUntil: 'load' });
  await page.locator('[data-offer=a] [data-fig=headline]').waitFor({ timeout: 20_000 });
  await live(page);
  return { context, page, problems };
}

/** The text of the hints and messages a field is described by. */
async function description(field) {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = [];
  for (const id of ids.split(' ').filter(Boolean)) {
    texts.push(await page.locator(`[id="${id}"]`).textContent());
  }
  return texts.join(' ');
}

test('a euro link converts the defaults and shows the reference rate with its date', async () => {
  const { context, page, problems } = await open('cur=EUR');
  try {
    // 375000 x 0.87868 = 329505 -> 330,000; 100000 x 0.87868 = 87868 -> 87,900.
    assert.equal(await page.getByLabel('Base salary', { exact: true }).inputValue(), '330,000');
    assert.equal(await page.getByLabel('Token budget', { exact: true }).inputValue(), '87,900');
    const fx = page.getByLabel('Exchange rate', { exact: true });
    assert.equal(await fx.inputValue(), '0.87868');
    assert.match(await description(fx), /Reference rate of 2026-09-25: 0\.87868/);
    // 13 x 0.87868 = 11.42284 -> 11.4
    assert.equal(await page.getByLabel('Daily coding-agent spend', { exact: true }).inputValue(), '11.4');
    assert.equal(await page.getByLabel('Working days a year', { exact: true }).inputValue(), '230');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('in US dollars there is no exchange rate field', async () => {
  const { context, page } = await open();
  try {
    assert.equal(await page.getByLabel('Exchange rate', { exact: true }).count(), 0);
  } finally {
    await context.close();
  }
});

test('a currency without a built-in rate asks for fx, and the rate settles it', async () => {
  const { context, page, problems } = await open('cur=EUR');
  try {
    const cur = page.getByLabel('Currency', { exact: true });
    await cur.fill('ISK');
    await cur.blur();
    assert.equal(await cur.getAttribute('aria-invalid'), 'true');
    const message = await description(cur);
    assert.match(message, /Exchange rate/);
    assert.match(message, /ISK has no built-in exchange rate/);
    const fx = page.getByLabel('Exchange rate', { exact: true });
    await fx.fill('140');
    await fx.blur();
    // 375000 x 140 = 52,500,000 ISK, the default base in that currency.
    await page.waitForFunction(() => new URL(location.href).search === '?cur=ISK&fx=140');
    assert.equal(await page.getByLabel('Base salary', { exact: true }).inputValue(), '52,500,000');
    assert.equal(await cur.getAttribute('aria-invalid'), 'false');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the model choice tells the price date, source and the long-context tiers', async () => {
  const { context, page } = await open();
  try {
    const model = page.getByLabel('AI model', { exact: true });
    assert.equal(await model.inputValue(), 'claude-sonnet-5');
    const hint = await description(model);
    // PRICES.md: Claude Sonnet 5 at $2 / $0.20 / $10, introductory price.
    assert.match(hint, /\$2\.00 input, \$0\.20 cached input, \$10\.00 output \(introductory price\)/);
    assert.match(hint, /2026-07-24/);
    assert.match(hint, /LiteLLM/);
    assert.match(hint, /272k/);
  } finally {
    await context.close();
  }
});
