// Locales (issue 12 point 2): the same scenario shown in en-US, de-DE,
// fr-FR, en-IN and ja-JP; typed numbers read the locale's way; the host's
// `lang` as the default; links that stay locale-neutral.
//
// Expected text is what the page's own `Intl.NumberFormat` prints for
// amounts worked out by hand from MODEL.md, never the program's output.
// The scenario: base 375000, tokens 100000, tax 0 (default), no bonus,
// signing, equity or personal use (defaults), raise 3 % (default):
//   year-1 headline = 375000 + 100000 = 475000; worth = base = 375000;
//   year-2 base = 375000 * 1.03 = 386250;
//   compute share = 100000 / 475000 = 21.05 % -> 21.1 %.
// ja-JP: Chromium's ICU writes the yen's narrow symbol full-width (￥), as
// Intl does; both forms are allowed by the sanity pattern.
// In yen: base 47600000, tokens 11900000:
//   headline 59500000, worth 47600000, year-2 base 47600000 * 1.03 = 49028000,
//   compute share 11900000 / 59500000 = 20 %.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { site, open, ready, clean } from './embed-site.mjs';

const CASES = [
  { locale: 'en-US', share: 0.211, cur: 'USD', base: 375000, tokens: 100000, y2base: 386250, looks: /^\$475,000$/ },
  { locale: 'de-DE', share: 0.211, cur: 'EUR', base: 375000, tokens: 100000, y2base: 386250, looks: /^475\.000\s€$/ },
  { locale: 'fr-FR', share: 0.211, cur: 'EUR', base: 375000, tokens: 100000, y2base: 386250, looks: /^475\s000\s€$/ },
  { locale: 'en-IN', share: 0.211, cur: 'INR', base: 375000, tokens: 100000, y2base: 386250, looks: /^₹4,75,000$/ },
  { locale: 'ja-JP', share: 0.2, cur: 'JPY', base: 47600000, tokens: 11900000, y2base: 49028000, looks: /^[¥￥]59,500,000$/ },
];

/** A page whose <html> has `lang` (none when null), loading embed.js after `body`. */
function html(body, lang = 'en') {
  return `<!doctype html>
<html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>test</title>
<link rel="icon" href="favicon.svg"></head>
<body>
${body}
<script async src="embed.js"></script>
</body></html>`;
}

const widget = (id, c, extra = '') =>
  `<div id="${id}" data-tokenworth data-cur="${c.cur}" data-base="${c.base}" data-tokens="${c.tokens}" ${extra}></div>`;

let server;
let browser;

before(async () => {
  server = await site({
    'locales.html': html(CASES.map((c, i) => widget(`w${i}`, c, `data-locale="${c.locale}" data-lang="en"`)).join('\n')),
    'lang.html': html(
      `<section lang="fr-FR"><div id="fr">${widget('inner', CASES[2])}</div></section>
       <div id="de-host" lang="de-DE"></div>
       ${widget('plain', CASES[1])}`,
      'en',
    ),
    'nolang.html': html(`${widget('nav', CASES[1])}\n${widget('badloc', CASES[1], 'data-locale="en US" data-lang="en"')}`, null),
    'frame.html': html(
      `<div id="f" data-tokenworth data-mode="iframe" data-cur="EUR" data-base="375000" data-tokens="100000"></div>`,
      'de-DE',
    ),
    'badge.html': html(
      `<span id="b-de" data-tokenworth-badge data-locale="de-DE" data-lang="en" data-cur="EUR" data-base="375000" data-tokens="100000"></span>
       <span id="b-bad" data-tokenworth-badge data-locale="not a locale" data-base="375000"></span>
       <span id="b-words" data-tokenworth-badge data-locale="de-DE" data-cur="EUR" data-base="375000" data-tokens="100000"></span>`,
    ),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the page's Intl writes for each kind of figure. */
function intl(page, locale, cur, values) {
  return page.evaluate(
    ({ locale, cur, values }) => {
      const money = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: cur,
        currencyDisplay: 'narrowSymbol',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      });
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      return {
        money: values.money.map((v) => money.format(v)),
        percent: values.percent.map((v) => percent.format(v)),
      };
    },
    { locale, cur, values },
  );
}

/** Texts inside the shadow root of `#id`. */
function shown(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    const text = (sel) => root?.querySelector(sel)?.textContent ?? null;
    return {
      headline: text('[data-offer=a] [data-fig=headline]'),
      worth: text('[data-offer=a] [data-fig=worth]'),
      share: text('[data-offer=a] [data-fig=compute-share]'),
      y2base: text('table.years tbody tr:nth-child(2) td'),
    };
  }, id);
}

async function waitForFigures(page, ids) {
  await page.waitForFunction(
    (ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('[data-fig=headline]')),
    ids,
    { timeout: 20_000 },
  );
}

test('the same scenario in five locales is written as Intl writes it', async () => {
  const { context, page, problems } = await open(browser, server.url + 'locales.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    await waitForFigures(page, CASES.map((_, i) => `w${i}`));
    for (const [i, c] of CASES.entries()) {
      const want = await intl(page, c.locale, c.cur, {
        money: [c.base + c.tokens, c.base, c.y2base],
        percent: [c.share],
      });
      const got = await shown(page, `w${i}`);
      assert.equal(got.headline, want.money[0], `${c.locale} headline`);
      assert.match(got.headline, c.looks, `${c.locale} headline looks right`);
      assert.equal(got.worth, want.money[1], `${c.locale} worth`);
      assert.equal(got.y2base, want.money[2], `${c.locale} year-2 base in the table`);
      assert.equal(got.share, want.percent[0], `${c.locale} compute share`);
    }
    await clean(problems);
  } finally {
    await context.close();
  }
});

/** Types `text` into offer A's base salary of widget `#id`. */
async function typeBase(page, id, text) {
  const field = page.locator(`#${id}`).getByLabel('Base salary', { exact: true }).first();
  await field.fill(text);
  await field.blur();
  return field;
}

test('typed 400.000 is read per locale, and is ambiguous in en-US', async () => {
  const { context, page, problems } = await open(browser, server.url + 'locales.html');
  try {
    await waitForFigures(page, CASES.map((_, i) => `w${i}`));
    // de-DE: 400.000 is 400000; headline 400000 + 100000 = 500000.
    // fr-FR: 400 000 (a plain space) too. en-IN: 4,00,000.
    for (const [i, text] of [[1, '400.000'], [2, '400 000'], [3, '4,00,000']]) {
      const c = CASES[i];
      await typeBase(page, `w${i}`, text);
      const [want] = (await intl(page, c.locale, c.cur, { money: [500000], percent: [] })).money;
      await page.waitForFunction(
        ({ id, want }) =>
          document.getElementById(id).shadowRoot.querySelector('[data-offer=a] [data-fig=headline]').textContent === want,
        { id: `w${i}`, want },
      );
    }
    // en-US and ja-JP (dot decimals): ambiguous, the figures stay, the text stays.
    for (const [i, text, hint] of [[0, '400.000', 'write 400,000 or 400'], [4, '476.000', 'write 476,000 or 476']]) {
      const c = CASES[i];
      const field = await typeBase(page, `w${i}`, text);
      await assert.doesNotReject(() =>
        page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('[aria-invalid=true]'), `w${i}`),
      );
      assert.equal(await field.inputValue(), text);
      const alert = await page.evaluate((id) => document.getElementById(id).shadowRoot.textContent, `w${i}`);
      assert.ok(alert.includes(`"${text}" could be read two ways: ${hint}`), `${c.locale}: ${alert.slice(0, 400)}`);
      const [want] = (await intl(page, c.locale, c.cur, { money: [c.base + c.tokens], percent: [] })).money;
      assert.equal((await shown(page, `w${i}`)).headline, want, `${c.locale} keeps the last valid figures`);
    }
    await clean(problems);
  } finally {
    await context.close();
  }
});

test('a percent typed 4,5 in de-DE puts its slider at 4.5, not 45', async () => {
  const { context, page, problems } = await open(browser, server.url + 'locales.html');
  try {
    await waitForFigures(page, ['w1']);
    const w1 = page.locator('#w1');
    await w1.getByText('All settings and details').click();
    const tax = w1.getByLabel('Tax rate', { exact: true });
    await tax.fill('4,5');
    await tax.blur();
    assert.equal(await tax.inputValue(), '4,5');
    assert.equal(await w1.getByLabel('Tax rate (slider)').inputValue(), '4.5');
    await clean(problems);
  } finally {
    await context.close();
  }
});

test('without data-locale the nearest lang decides, through a shadow host too, then the browser; the mount option wins', async () => {
  const { context, page, problems } = await open(browser, server.url + 'lang.html');
  try {
    // A widget inside another element's shadow root, under lang="de-DE".
    await page.evaluate(() => {
      const shadow = document.getElementById('de-host').attachShadow({ mode: 'open' });
      const el = document.createElement('div');
      shadow.append(el);
      window.tokenworth.ready.then(() =>
        window.tokenworth.mount(el, 'cur=EUR&base=375000&tokens=100000'),
      );
    });
    await waitForFigures(page, ['inner', 'plain']);
    const want = async (locale) => (await intl(page, locale, 'EUR', { money: [475000], percent: [] })).money[0];
    assert.equal((await shown(page, 'inner')).headline, await want('fr-FR'));
    // <html lang="en">: en, which writes euros as en-US does.
    assert.equal((await shown(page, 'plain')).headline, await want('en'));
    await page.waitForFunction(() =>
      document.getElementById('de-host').shadowRoot.querySelector('div')?.shadowRoot?.querySelector('[data-fig=headline]'),
    );
    const inShadow = await page.evaluate(
      () =>
        document.getElementById('de-host').shadowRoot.querySelector('div').shadowRoot.querySelector('[data-offer=a] [data-fig=headline]')
          .textContent,
    );
    assert.equal(inShadow, await want('de-DE'));
    // The mount option wins over the lang around it (fr-FR here).
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'mounted';
      document.getElementById('fr').append(el);
      window.tokenworth.mount(el, 'cur=INR&base=375000&tokens=100000', { locale: 'en-IN' });
    });
    await waitForFigures(page, ['mounted']);
    const [inr] = (await intl(page, 'en-IN', 'INR', { money: [475000], percent: [] })).money;
    assert.equal((await shown(page, 'mounted')).headline, inr);
    assert.equal(inr, '₹4,75,000');
    await clean(problems);
  } finally {
    await context.close();
  }
  // No lang anywhere: the browser's language.
  const nav = await open(browser, server.url + 'nolang.html', { locale: 'de-DE' });
  try {
    await waitForFigures(nav.page, ['nav']);
    const [want] = (await intl(nav.page, 'de-DE', 'EUR', { money: [475000], percent: [] })).money;
    assert.equal((await shown(nav.page, 'nav')).headline, want);
    // A bad data-locale is the publisher's problem: once in the console,
    // one discreet line for the reader, and the widget goes on in the default.
    await waitForFigures(nav.page, ['badloc']);
    assert.equal((await shown(nav.page, 'badloc')).headline, want);
    const warnings = nav.problems.console.filter((line) => line.includes('data-locale'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /data-locale="en US": the locale is a BCP 47 language tag/);
    const text = await nav.page.evaluate(() => document.getElementById('badloc').shadowRoot.textContent);
    assert.match(text, /could not be used/);
    assert.doesNotMatch(text, /en US/);
  } finally {
    await nav.context.close();
  }
});

test('a link copied in Berlin opens the same scenario in Boston', async () => {
  const berlin = await open(browser, `${server.url}index.html?locale=de-DE&lang=en&cur=EUR&base=375000&tokens=100000`, {
    locale: 'de-DE',
  });
  let link;
  try {
    const headline = berlin.page.locator('[data-offer=a] [data-fig=headline]');
    await headline.waitFor({ timeout: 20_000 });
    const [before, after] = (await intl(berlin.page, 'de-DE', 'EUR', { money: [475000, 500000], percent: [] })).money;
    assert.equal(await headline.textContent(), before);
    const field = berlin.page.getByLabel('Base salary', { exact: true });
    assert.equal(await field.inputValue(), '375.000');
    // The reference rate for EUR, 0.87868 (PRICES.md), in the field and its hint.
    const fx = berlin.page.getByLabel('Exchange rate', { exact: true });
    assert.equal(await fx.inputValue(), '0,87868');
    const hint = await berlin.page.evaluate(
      () => [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? '').join(' '),
    );
    assert.match(hint, /Reference rate of [\d-]+: 0,87868/);
    // PRICES.md: Claude Sonnet 5 (the default) at $2 / $0.20 / $10 per million tokens.
    const prices = await berlin.page.evaluate(() => {
      const usd = new Intl.NumberFormat('de-DE', {
        style: 'currency',
        currency: 'USD',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: 2,
        maximumFractionDigits: 6,
      });
      return `${usd.format(2)} input, ${usd.format(0.2)} cached input, ${usd.format(10)} output`;
    });
    assert.ok(hint.includes(prices), prices);
    await field.fill('400.000');
    await field.blur();
    await berlin.page.locator('[data-offer=a] [data-fig=headline]', { hasText: after }).waitFor();
    // The page's own address is what a reader copies: plain digits, no locale.
    await berlin.page.waitForFunction(() => location.search.includes('base=400k'));
    link = await berlin.page.evaluate(() => location.href);
    assert.ok(!/locale=|400\.000/.test(link), link);
  } finally {
    await berlin.context.close();
  }
  // Our own pages say lang="en" for their words; the reader's browser
  // language decides how their figures are written.
  const reader = await open(browser, `${server.url}index.html?cur=EUR&base=375000&tokens=100000`, { locale: 'de-DE' });
  try {
    const headline = reader.page.locator('[data-offer=a] [data-fig=headline]');
    await headline.waitFor({ timeout: 20_000 });
    const [want] = (await intl(reader.page, 'de-DE', 'EUR', { money: [475000], percent: [] })).money;
    assert.equal(await headline.textContent(), want);
  } finally {
    await reader.context.close();
  }
  const boston = await open(browser, link, { locale: 'en-US' });
  try {
    const headline = boston.page.locator('[data-offer=a] [data-fig=headline]');
    await headline.waitFor({ timeout: 20_000 });
    const [want] = (await intl(boston.page, 'en', 'EUR', { money: [500000], percent: [] })).money;
    assert.equal(await headline.textContent(), want);
  } finally {
    await boston.context.close();
  }
});

test('a badge follows its locale, and a bad locale is named on it', async () => {
  const { context, page } = await open(browser, server.url + 'badge.html');
  try {
    await page.waitForFunction(() =>
      ['b-de', 'b-bad', 'b-words'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.badge')),
    );
    const { chip, want, bad, words, wordsWant } = await page.evaluate(() => {
      const compact = new Intl.NumberFormat('de-DE', {
        style: 'currency',
        currency: 'EUR',
        currencyDisplay: 'narrowSymbol',
        notation: 'compact',
      });
      const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });
      // worth 375000; share 100000 / 475000 = 21 % whole.
      return {
        chip: document.getElementById('b-de').shadowRoot.querySelector('.chip').textContent,
        want: `${compact.format(375000)} to you · ${percent.format(0.21)} compute`,
        bad: document.getElementById('b-bad').shadowRoot.textContent,
        // Without data-lang the words follow the locale: German (written by hand).
        words: document.getElementById('b-words').shadowRoot.querySelector('.chip').textContent,
        wordsWant: `${compact.format(375000)} für Sie · ${percent.format(0.21)} Rechenleistung`,
      };
    });
    assert.equal(chip, want);
    assert.match(bad, /data-locale="not a locale"/);
    assert.equal(words, wordsWant);
  } finally {
    await context.close();
  }
});

test('iframe mode: the lang around the host reaches the frame, which writes its figures and words that way', async () => {
  // The reader's browser says en-US; the publisher's page says de-DE.
  const { context, page } = await open(browser, server.url + 'frame.html', { locale: 'en-US' });
  try {
    const [want] = (await intl(page, 'de-DE', 'EUR', { money: [475000], percent: [] })).money;
    const frame = page.frameLocator('#f iframe');
    const headline = frame.locator('[data-offer=a] [data-fig=headline]');
    await headline.waitFor({ timeout: 20_000 });
    assert.equal(await headline.textContent(), want);
    // German words (written by hand): the label of the worth figure.
    await frame.getByText('Wert für Sie', { exact: true }).first().waitFor();
  } finally {
    await context.close();
  }
});
