// The widget in the reader's language: data-lang="de" (fr, es) and a lang
// attribute on an ancestor choose the catalogue; labels, a flag sentence,
// the verdict, an aria-label and a badge's chip are checked against text
// written here by hand (not read from the catalogues). "After tax" is only
// claimed when the tax rate is above 0. German at 390 and 1280 px, light
// and dark: no horizontal overflow, and screenshots in artifacts/.
//
// The scenario (base 375,000, tokens 100,000, tax 0, personal use 0, the
// default daily spend of $13 a day over 230 days = $2,990 a year) raises:
//   one_in_five      100,000 / 475,000 = 21 % >= 20 %
//   no_personal_use  personal = 0
//   beyond_use       100,000 >= 2 x 2,990

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean, SITE } from './embed-site.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SCENARIO = 'data-base="375000" data-tokens="100000" data-tax="0"';

const EXPECTED = {
  de: {
    label: 'Grundgehalt',
    form: 'Angaben zum Angebot',
    flag: 'Mindestens ein Fünftel dieses Vergütungspakets ist Rechenleistung statt Gehalt.',
    verdict: /^Laut Angebot sind es über 4 Jahre .+; für Sie ist das .+ wert, also .+\. Die Tokens erhöhen/,
    worthLabel: 'Wert für Sie',
  },
  fr: {
    label: 'Salaire de base',
    form: 'Détails de l’offre',
    flag: 'Au moins un cinquième de cette rémunération est de la puissance de calcul, pas du salaire.',
    verdict: /^L’offre annonce .+ sur 4 ans\u202f; pour vous, elle vaut .+\. Les tokens ajoutent/,
    worthLabel: 'Valeur pour vous',
  },
  es: {
    label: 'Salario base',
    form: 'Datos de la oferta',
    flag: 'Al menos una quinta parte de este paquete es capacidad de cómputo, no sueldo.',
    verdict: /^La oferta anuncia .+ en 4 años; para ti vale .+\. Los tokens suman/,
    worthLabel: 'Valor para ti',
  },
};

let server;
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await site({
    'languages.html': html(
      `<div id="de" data-tokenworth data-lang="de" ${SCENARIO}></div>
       <div id="fr" data-tokenworth data-lang="fr" ${SCENARIO}></div>
       <div id="es" data-tokenworth data-lang="es-MX" ${SCENARIO}></div>
       <section lang="fr-CA"><div><div id="inherited" data-tokenworth ${SCENARIO}></div></div></section>
       <section lang="fr"><div id="option-wins" data-tokenworth data-lang="es" ${SCENARIO}></div></section>
       <div id="en" data-tokenworth ${SCENARIO}></div>
       <div id="taxed" data-tokenworth data-base="375000" data-tokens="100000" data-tax="25"></div>
       <p>Stelle <span id="badge-de" data-tokenworth-badge data-lang="de" ${SCENARIO}></span></p>
       <section lang="es"><span id="badge-es" data-tokenworth-badge ${SCENARIO}></span></section>`,
    ),
    'german.html': html(`<main><div id="de" data-tokenworth data-lang="de" ${SCENARIO}></div></main>`),
    'german-standalone.html': html(`<div id="de" data-tokenworth data-standalone data-lang="de" ${SCENARIO}></div>`),
  });
  browser = await launch();
});

// The demo article in German: its two-offer widget's figure columns are
// 87 px wide at 390 px, and de-DE writes the symbol after the amount
// ("750.000 $", wider than "$750,000"): the figures ran into each other.
test('the demo article in de-DE at 390 px: big figures fit their columns, the lock note is German, the toggle keeps its first word', async () => {
  const article = (await readFile(`${SITE}demo-article.html`, 'utf8')).replace('<html lang="en">', '<html lang="de-DE">');
  const german = await site({ 'article-de.html': article });
  const { context, page, problems } = await open(browser, german.url + 'article-de.html', { viewport: { width: 390, height: 900 } });
  try {
    await page.waitForFunction(() => document.getElementById('versus')?.shadowRoot?.querySelector('.fig-value'));
    const crowded = await page.evaluate(() =>
      [...document.getElementById('versus').shadowRoot.querySelectorAll('.fig-value')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth})`),
    );
    assert.deepEqual(crowded, [], 'figures wider than their column');
    // The locked base salary says so in German (it said "(locked)"), and the
    // amount / percent toggle keeps its first word whole (it was "Be…").
    const { locked, amount } = await page.evaluate(() => {
      const root = document.getElementById('versus').shadowRoot;
      const label = root.querySelector('.field.locked label');
      const button = [...root.querySelectorAll('.toggle button')].find((b) => b.textContent === 'Betrag');
      return {
        locked: label && getComputedStyle(label, '::after').content,
        amount: button && { scroll: button.scrollWidth, client: button.clientWidth },
      };
    });
    assert.equal(locked, '" (gesperrt)"');
    assert.ok(amount, 'the amount / percent toggle is shown');
    assert.ok(amount.scroll <= amount.client, `"Betrag" is cut: ${amount.scroll} > ${amount.client} px`);
    await clean(problems);
  } finally {
    await context.close();
    await german.close();
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const fig = (page, host, name) => page.locator(`#${host} [data-offer=a] [data-fig=${name}]`);

/** What a widget says, read from its shadow root. */
const widget = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return {
      labels: [...root.querySelectorAll('label')].map((l) => l.textContent.trim()),
      form: root.querySelector('form')?.getAttribute('aria-label'),
      flags: [...root.querySelectorAll('[data-flag]')].map((f) => f.textContent.trim()),
      verdict: root.querySelector('[data-fig=verdict]')?.textContent.trim(),
      worthLabel: root.querySelector('[data-offer=a] .worth .fig-label')?.textContent.trim(),
      worthSub: root.querySelector('[data-offer=a] .worth .fig-sub')?.textContent.trim(),
      lang: root.querySelector('.tw')?.getAttribute('lang'),
    };
  }, id);

async function opened() {
  const o = await open(browser, server.url + 'languages.html');
  assert.deepEqual(await ready(o.page), { ok: true });
  for (const id of ['de', 'fr', 'es', 'inherited', 'option-wins', 'en', 'taxed']) {
    await fig(o.page, id, 'headline').waitFor();
  }
  return o;
}

for (const [id, want] of Object.entries(EXPECTED)) {
  test(`data-lang="${id}": labels, a flag, the verdict and an aria-label in that language`, async () => {
    const { context, page, problems } = await opened();
    try {
      const w = await widget(page, id);
      assert.ok(w.labels.includes(want.label), `${want.label} in ${w.labels}`);
      assert.equal(w.form, want.form);
      assert.ok(w.flags.includes(want.flag), `flags: ${w.flags.join(' | ')}`);
      assert.match(w.verdict, want.verdict);
      assert.equal(w.worthLabel, want.worthLabel);
      // Read aloud in its language, on an English page.
      assert.equal(w.lang, id);
      await clean(problems);
    } finally {
      await context.close();
    }
  });
}

test('lang="fr-CA" on an ancestor gives French; data-lang overrides it; no lang is English', async () => {
  const { context, page } = await opened();
  try {
    const inherited = await widget(page, 'inherited');
    assert.equal(inherited.form, 'Détails de l’offre');
    assert.ok(inherited.labels.includes('Salaire de base'), String(inherited.labels));
    const option = await widget(page, 'option-wins');
    assert.equal(option.form, 'Datos de la oferta');
    const en = await widget(page, 'en');
    assert.equal(en.form, 'Offer details');
    assert.ok(en.labels.includes('Base salary'), String(en.labels));
  } finally {
    await context.close();
  }
});

test('a bad value is explained in German, naming the field as the form labels it', async () => {
  const { context, page } = await opened();
  try {
    const base = page.locator('#de').getByLabel('Grundgehalt', { exact: true });
    await base.fill('viel');
    await base.blur();
    const alert = page.locator('#de').getByRole('alert');
    await alert.waitFor();
    const message = await alert.textContent();
    assert.match(message, /^Grundgehalt: „viel“ ist keine Zahl\. Zulässig: ein Betrag von 0 bis /);
    assert.doesNotMatch(message, /\(base\)/);
    assert.match(await page.locator('#de .stale-note').textContent(), /letzten gültigen Zahlen/);
  } finally {
    await context.close();
  }
});

test('an English field error names the field as labelled, without its key', async () => {
  const { context, page } = await opened();
  try {
    const base = page.locator('#en').getByLabel('Base salary', { exact: true });
    await base.fill('lots');
    await base.blur();
    const alert = page.locator('#en').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^Base salary: "lots" is not a number\. Accepted: an amount from 0 to /);
  } finally {
    await context.close();
  }
});

test('badges speak their data-lang or the language around them', async () => {
  const { context, page } = await opened();
  try {
    const chip = (id) => page.locator(`#${id} a.badge .chip`);
    await chip('badge-de').waitFor();
    await chip('badge-es').waitFor();
    assert.match(await chip('badge-de').textContent(), / für Sie · .+ Rechenleistung$/);
    assert.match(await chip('badge-es').textContent(), / para ti · .+ de cómputo$/);
    assert.match(await page.locator('#badge-de a.badge').getAttribute('class'), /compute/);
    assert.equal(await page.locator('#badge-de a.badge').getAttribute('lang'), 'de');
  } finally {
    await context.close();
  }
});

test('"after tax" is claimed only when the tax rate is above 0', async () => {
  const { context, page } = await opened();
  try {
    assert.equal((await widget(page, 'en')).worthSub, 'a year');
    assert.equal((await widget(page, 'taxed')).worthSub, 'a year, after tax');
    assert.equal((await widget(page, 'de')).worthSub, 'pro Jahr');
  } finally {
    await context.close();
  }
});

for (const width of [390, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`German at ${width} px, ${scheme}: nothing overflows the widget`, async () => {
      for (const file of ['german.html', 'german-standalone.html']) {
        const { context, page, problems } = await open(browser, server.url + file, {
          viewport: { width, height: 900 },
          colorScheme: scheme,
        });
        try {
          await fig(page, 'de', 'headline').waitFor({ timeout: 20_000 });
          // Open every fold, so the long words inside are laid out too.
          await page.evaluate(() =>
            document.getElementById('de').shadowRoot.querySelectorAll('details').forEach((d) => (d.open = true)),
          );
          const wide = await page.evaluate(() => {
            const host = document.getElementById('de');
            const limit = host.getBoundingClientRect().right + 0.5;
            const out = [];
            for (const el of host.shadowRoot.querySelectorAll('*')) {
              // Content inside a scrolling region may be wider than the region.
              if (el.closest('.scroll') || el.closest('svg')) continue;
              const box = el.getBoundingClientRect();
              if (box.width > 0 && box.right > limit) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 40)}`);
            }
            return { out, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
          });
          assert.deepEqual(wide.out, [], `${file}: elements past the widget's right edge`);
          // A big figure wider than its column runs into the one beside it.
          const crowded = await page.evaluate(() =>
            [...document.getElementById('de').shadowRoot.querySelectorAll('.fig-value')]
              .filter((el) => el.scrollWidth > el.clientWidth + 1)
              .map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth})`),
          );
          assert.deepEqual(crowded, [], `${file}: figures wider than their column`);
          assert.ok(wide.page <= wide.viewport, `${file}: page scrolls sideways (${wide.page} > ${wide.viewport})`);
          await page.screenshot({ path: `${ARTIFACTS}german-${file.replace('.html', '')}-${width}-${scheme}.png`, fullPage: true });
          await clean(problems);
        } finally {
          await context.close();
        }
      }
    });
  }
}
