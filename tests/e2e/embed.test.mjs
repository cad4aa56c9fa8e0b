// Embedding: widgets in a host page under the strict CSP
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Several widgets with different attributes, hostile host CSS, widgets
// added later, data-lock, a bad attribute, the iframe mode and its resizing,
// the automatic iframe fallback where the page's CSP blocks WebAssembly,
// and the demo pages. Every page: no CSP violation, no console error, no
// request off the origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { site, page as html, open, ready, clean, shadowText, addOfferBInFrame, SITE } from './embed-site.mjs';

const WIDGETS = `
  <div id="w1" data-tokenworth data-base="375000" data-tokens="100000"></div>
  <div id="w2" data-tokenworth data-scenario="base=500k&amp;tokens=250k" data-compact data-accent="#c2410c"></div>
  <div id="w3" data-tokenworth data-base="200000" data-tokens="0" data-b-base="250000" data-theme="dark"></div>
  <div id="w4" data-tokenworth data-base="lots" data-theme="purple"></div>
  <div id="w5" data-tokenworth data-base="300000" data-lock="base,tokens"></div>`;

let server;
let browser;

before(async () => {
  server = await site({
    'widgets.html': html(WIDGETS),
    'hostile.html': html('<div id="w1" data-tokenworth data-base="375000" data-tokens="100000"></div>', {
      head: '<link rel="stylesheet" href="demo-hostile.css">',
    }),
    'plain.html': html('<div id="w1" data-tokenworth data-base="375000" data-tokens="100000"></div>'),
    'late.html': html('<main id="main"></main>', { scriptFirst: true }),
    'frame.html': html('<div id="f1" data-tokenworth data-mode="iframe" data-base="375000" data-tokens="100000" data-hide="charts"></div>'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const fig = (page, host, name, offer = 'a') =>
  page.locator(`${host} [data-offer=${offer}] [data-fig=${name}]`);

test('several widgets on one page show their own figures', async () => {
  const { context, page, problems } = await open(browser, server.url + 'widgets.html');
  try {
    assert.deepEqual(await ready(page), { ok: true });
    await fig(page, '#w1', 'headline').waitFor();
    assert.equal(await fig(page, '#w1', 'headline').textContent(), '$475,000');
    assert.equal(await fig(page, '#w1', 'compute-share').textContent(), '21.1%');
    assert.equal(await fig(page, '#w2', 'headline').textContent(), '$750,000');
    assert.equal(await fig(page, '#w2', 'compute-share').textContent(), '33.3%');
    assert.equal(await fig(page, '#w2', 'compute-to-base').textContent(), '50%');
    assert.equal(await fig(page, '#w3', 'headline').textContent(), '$200,000');
    // Offer B: base 250,000 + its default budget of 100,000.
    assert.equal(await fig(page, '#w3', 'headline', 'b').textContent(), '$350,000');

    const look = await page.evaluate(() => {
      const q = (id, sel) => document.getElementById(id).shadowRoot.querySelector(sel);
      return {
        dark: !!q('w3', '.tw.theme-dark'),
        compact: !!q('w2', '.tw.compact'),
        accent: document.getElementById('w2').style.getPropertyValue('--tw-accent'),
        ids: [...document.querySelectorAll('[data-tokenworth]')].map(
          (h) => h.shadowRoot.querySelector('input')?.id.split('-').slice(0, 2).join('-'),
        ),
      };
    });
    assert.equal(look.dark, true, 'w3 has the dark theme');
    assert.equal(look.compact, true, 'w2 is compact');
    assert.equal(look.accent, '#c2410c');
    assert.equal(new Set(look.ids).size, 5, `distinct widget ids: ${look.ids}`);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a bad attribute: one discreet line for readers in that widget, the detail once in the console for the publisher', async () => {
  const { context, page, problems } = await open(browser, server.url + 'widgets.html');
  try {
    await ready(page);
    await fig(page, '#w4', 'headline').waitFor();
    const w4 = await shadowText(page, '#w4');
    assert.match(w4, /Some of this calculator's settings could not be used; it shows the rest\./);
    assert.doesNotMatch(w4, /lots|purple/, 'the detail is for the publisher, not the reader');
    for (const id of ['#w1', '#w2', '#w3', '#w5']) {
      const text = await shadowText(page, id);
      assert.doesNotMatch(text, /could not be used|lots|purple/, `${id} shows another widget's problem`);
    }
    const warnings = problems.console.filter((line) => line.startsWith('warning: tokenworth tw-'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /some settings were not used/);
    assert.match(warnings[0], /Base salary \(base\): "lots" is not a number/);
    assert.match(warnings[0], /data-theme="purple"/);
    // The rest of w4 still works, on the defaults.
    assert.equal(await fig(page, '#w4', 'headline').textContent(), '$475,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('data-lock fields are read-only', async () => {
  const { context, page, problems } = await open(browser, server.url + 'widgets.html');
  try {
    await ready(page);
    await fig(page, '#w5', 'headline').waitFor();
    const state = await page.evaluate(() => {
      const sr = document.getElementById('w5').shadowRoot;
      const field = (key) => sr.querySelector(`input[type=text][id$="-${key}"]:not([id$="-b-${key}"])`);
      return {
        base: field('base').readOnly,
        tokens: field('tokens').readOnly,
        bonus: field('bonus').readOnly,
        baseValue: field('base').value,
      };
    });
    assert.deepEqual(state, { base: true, tokens: true, bonus: false, baseValue: '300,000' });
    // Typing into a locked field changes nothing. The field must take the
    // focus first, or the keys go elsewhere and the check proves nothing.
    const base = page.locator('#w5 input[type=text][id$="-base"]:not([id$="-b-base"])');
    await base.press('End'); // focuses the field; fails the test if it cannot
    assert.equal(await base.evaluate((el) => el.getRootNode().activeElement === el), true, 'the locked field has the focus');
    await page.keyboard.type('999');
    assert.equal(await base.inputValue(), '300,000');
    assert.equal(await fig(page, '#w5', 'headline').textContent(), '$400,000');
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

async function insideStyles(url) {
  const { context, page, problems } = await open(browser, url);
  try {
    await ready(page);
    await fig(page, '#w1', 'headline').waitFor();
    const styles = await page.evaluate(() => {
      const sr = document.getElementById('w1').shadowRoot;
      const props = ['color', 'font-size', 'font-family', 'display', 'letter-spacing',
        'text-transform', 'border-top-style', 'padding-top', 'line-height', 'visibility'];
      return [...sr.querySelectorAll('*')].slice(0, 400).map((el) => {
        const s = getComputedStyle(el);
        return `${el.tagName}.${el.className?.baseVal ?? el.className}: ${props.map((p) => s.getPropertyValue(p)).join(' | ')}`;
      });
    });
    const inputs = await page.evaluate(() =>
      [...document.getElementById('w1').shadowRoot.querySelectorAll('input[type=text]')].map(
        (i) => i.getBoundingClientRect().width > 0 && getComputedStyle(i).display !== 'none',
      ),
    );
    await clean(problems, server.url);
    return { styles, inputs };
  } finally {
    await context.close();
  }
}

test('hostile host CSS changes nothing inside a widget', async () => {
  const plain = await insideStyles(server.url + 'plain.html');
  const hostile = await insideStyles(server.url + 'hostile.html');
  assert.ok(plain.styles.length > 50, 'the widget rendered');
  assert.ok(hostile.inputs.length > 5 && hostile.inputs.every(Boolean), 'every input visible');
  const diff = plain.styles
    .map((s, i) => [s, hostile.styles[i]])
    .filter(([a, b]) => a !== b);
  assert.deepEqual(diff.slice(0, 5), [], `${diff.length} elements styled differently`);
  assert.equal(plain.styles.length, hostile.styles.length);
});

test('widgets and badges added after load mount; removed ones unmount', async () => {
  const { context, page, problems } = await open(browser, server.url + 'late.html');
  try {
    await ready(page);
    await page.evaluate(() => {
      const main = document.getElementById('main');
      main.insertAdjacentHTML('beforeend',
        '<section><div id="late" data-tokenworth data-base="450000" data-tokens="50000"></div>' +
        '<span id="badge" data-tokenworth-badge data-base="375000" data-tokens="100000"></span></section>');
    });
    await fig(page, '#late', 'headline').waitFor();
    assert.equal(await fig(page, '#late', 'headline').textContent(), '$500,000');
    // The badge's chip (issue 11 point 4): worth to you, compact, and the compute share.
    await page.waitForFunction(
      () => document.getElementById('badge').shadowRoot?.querySelector('.chip')?.textContent === '$375K to you · 21% compute',
    );

    // Removing the host unmounts its widget (its root leaves the shadow root);
    // the page's MutationObserver does it, after this task.
    await page.evaluate(() => {
      window.__removed = document.getElementById('late');
      window.__removed.remove();
    });
    await page.waitForFunction(() => window.__removed.shadowRoot.childElementCount === 0, null, { timeout: 10_000 });
    // Moving the host back in mounts it again.
    await page.evaluate(() => document.getElementById('main').append(window.__removed));
    await fig(page, '#late', 'headline').waitFor();
    assert.equal(await fig(page, '#late', 'headline').textContent(), '$500,000');
    // A host added inside an element that was itself added later mounts too.
    await page.evaluate(() => document.getElementById('main').append(Object.assign(document.createElement('div'), { id: 'again' })));
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.id = 'again2';
      d.setAttribute('data-tokenworth', '');
      document.getElementById('again').append(d);
    });
    await fig(page, '#again2', 'headline').waitFor();
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('iframe mode: embed.js creates the frame and resizes it as the content grows', async () => {
  const { context, page, problems } = await open(browser, server.url + 'frame.html');
  try {
    await ready(page);
    const iframe = page.locator('#f1 iframe');
    await iframe.waitFor();
    assert.match(await iframe.getAttribute('src'), /embed\.html\?base=375000&tokens=100000&hide=charts&locale=en&frame=1$/);
    const frame = page.frameLocator('#f1 iframe');
    await frame.locator('[data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await frame.locator('[data-offer=a] [data-fig=headline]').textContent(), '$475,000');

    const height = () => page.evaluate(() => document.querySelector('#f1').shadowRoot.querySelector('iframe').getBoundingClientRect().height);
    const inner = () => frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    // The frame posts its height as soon as it is parsed and again on every
    // resize, so the first message may come before the figures: wait until
    // the iframe is as tall as its rendered content.
    await page
      .waitForFunction(() => {
        const iframe = document.querySelector('#f1').shadowRoot.querySelector('iframe');
        const content = Math.ceil(iframe.contentDocument.documentElement.getBoundingClientRect().height);
        return iframe.getBoundingClientRect().height === content;
      }, null, { timeout: 10_000 })
      .catch(() => {}); // the assertion below names both heights instead
    const first = await height();
    assert.equal(first, await inner(), 'the iframe is as tall as its content');

    // A message from anything but the iframe's own window is ignored. Messages
    // a window posts to itself arrive in order: once a second one has
    // arrived, embed.js has handled the first.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const marker = (e) => {
            if (e.data !== 'tokenworth-test: after') return;
            window.removeEventListener('message', marker);
            resolve();
          };
          window.addEventListener('message', marker);
          window.postMessage({ type: 'tokenworth:height', version: 1, height: 7 }, '*');
          window.postMessage('tokenworth-test: after', '*');
        }),
    );
    assert.equal(await height(), first);

    // Content grows: add Offer B. The edit reaches the host as tokenworth:change.
    const change = await addOfferBInFrame(page, '#f1');
    assert.match(change.scenario, /b\./);
    // Offer A over 4 years: 375000 x (1 + 1.03 + 1.0609 + 1.092727) + 4 x 100000
    assert.equal(Number(change.headline), 1968860.125);
    // The reader opens everything else (the article layout folds it).
    await frame.getByText('All settings and details').click();
    await page.waitForFunction((h) => document.querySelector('#f1').shadowRoot.querySelector('iframe').getBoundingClientRect().height > h, first);
    assert.ok((await height()) > first);

    // unmount removes the frame and its message listener.
    const r = await page.evaluate(() => window.tokenworth.unmount(document.getElementById('f1')));
    assert.equal(r, true);
    assert.equal(await page.locator('#f1 iframe').count(), 0);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }
});

test('a page whose CSP blocks WebAssembly gets iframes instead', async () => {
  // The host page on one origin, without 'wasm-unsafe-eval'; the widget's
  // files on another (a "CDN") under the strict CSP, with CORS for the module.
  const cdn = await site({}, { headers: { 'Access-Control-Allow-Origin': '*' } });
  const cdnOrigin = cdn.url.replace(/\/$/, '');
  const host = await site(
    {
      'host.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,"></head><body>
<div id="h1" data-tokenworth data-base="375000" data-tokens="100000"></div>
<span id="b1" data-tokenworth-badge data-base="375000" data-tokens="100000">21% compute</span>
<script async src="${cdn.url}embed.js"></script></body></html>`,
    },
    { csp: `default-src 'self'; script-src 'self' ${cdnOrigin}; connect-src 'self' ${cdnOrigin}; style-src 'self'; frame-src ${cdnOrigin}; img-src 'self' data:` },
  );
  const { context, page, problems } = await open(browser, host.url + 'host.html');
  try {
    const r = await ready(page);
    assert.deepEqual(r, { ok: true });
    assert.equal(await page.evaluate(() => window.tokenworth.mode), 'iframe');
    const frame = page.frameLocator('#h1 iframe');
    await frame.locator('[data-offer=a] [data-fig=headline]').waitFor();
    assert.equal(await frame.locator('[data-offer=a] [data-fig=headline]').textContent(), '$475,000');
    await page.waitForFunction(() => document.querySelector('#h1').shadowRoot.querySelector('iframe').style.height !== '640px');
    const message = await page.evaluate(() => {
      try {
        window.tokenworth.compute('base=1');
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(message, /wasm-unsafe-eval/);
    // The blocked compilation is the only violation; it is a warning, not an error.
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 10_000 });
    const violations = await problems.cspViolations();
    assert.ok(violations.every((v) => /script-src/.test(v)), violations.join('\n'));
    assert.deepEqual(problems.consoleErrors.filter((e) => !/WebAssembly|unsafe-eval|Content Security Policy/i.test(e)), []);
    // Logged before `ready` resolved; console events reach this process in order.
    assert.ok(problems.console.some((m) => /^warning: tokenworth: .*iframes/.test(m)), problems.console.join('\n'));
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
    await host.close();
    await cdn.close();
  }
});

test('the Embed panel gives a snippet with the versioned loader and its SRI hash, and the snippet works', async () => {
  const cargo = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const version = cargo.match(/^version\s*=\s*"([^"]+)"/m)[1];
  const loader = await readFile(join(SITE, `embed-${version}.js`));
  const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;

  // The panel is for publishers: on the standalone page, not in embeds.
  const { context, page, problems } = await open(browser, server.url + 'index.html?base=500k&tokens=250k');
  let snippet;
  try {
    await ready(page);
    await page.locator('[data-standalone] .embed-panel summary').click();
    snippet = await page.locator('[data-standalone] .embed-panel textarea').inputValue();
    assert.match(snippet, /^<div data-tokenworth data-base="500k" data-tokens="250k"><\/div>\n/);
    assert.ok(snippet.includes(`<script src="${server.url}embed-${version}.js" integrity="${integrity}" crossorigin="anonymous"></script>`), snippet);
    assert.match(snippet, /<noscript><a href="[^"]*\?base=500k&amp;tokens=250k">/);
    await clean(problems, server.url);
  } finally {
    await context.close();
  }

  // Pasted into another page, it shows the same figures (the hash matches).
  await writeFile(join(server.dir, 'pasted.html'), html(snippet).replace('<script async src="embed.js"></script>', ''));
  const pasted = await open(browser, server.url + 'pasted.html');
  try {
    assert.deepEqual(await ready(pasted.page), { ok: true });
    await fig(pasted.page, '[data-tokenworth]', 'headline').waitFor();
    assert.equal(await fig(pasted.page, '[data-tokenworth]', 'headline').textContent(), '$750,000');
    await clean(pasted.problems, server.url);
  } finally {
    await pasted.context.close();
  }
});

for (const demo of ['demo-article.html', 'demo-jobs.html', 'demo-iframe.html']) {
  test(`${demo} loads cleanly`, async () => {
    const { context, page, problems } = await open(browser, server.url + demo);
    try {
      assert.deepEqual(await ready(page), { ok: true });
      // Wait for what each page shows, then check the page stayed clean.
      if (demo === 'demo-article.html') {
        await fig(page, '#claim', 'headline').waitFor();
        await fig(page, '#versus', 'headline').waitFor();
        assert.equal(await fig(page, '#claim', 'headline').textContent(), '$475,000');
        assert.equal(await fig(page, '#versus', 'headline').textContent(), '$750,000');
      }
      if (demo === 'demo-jobs.html') {
        await page.waitForFunction(() =>
          [...document.querySelectorAll('[data-tokenworth-badge]')].every((b) => b.shadowRoot?.querySelector('.chip')?.textContent),
        );
        const first = await page.evaluate(
          () => document.querySelector('[data-tokenworth-badge]').shadowRoot.querySelector('.chip').textContent,
        );
        assert.equal(first, '$375K to you · 21% compute');
      }
      if (demo === 'demo-iframe.html') {
        // 400,000 + 120,000 in the plain iframe; 375,000 + 100,000 in embed.js's.
        const plain = page.frameLocator('#plain').locator('[data-offer=a] [data-fig=headline]');
        const framed = page.frameLocator('#framed iframe').locator('[data-offer=a] [data-fig=headline]');
        await plain.waitFor();
        await framed.waitFor();
        assert.equal(await plain.textContent(), '$520,000');
        assert.equal(await framed.textContent(), '$475,000');
      }
      await clean(problems, server.url);
    } finally {
      await context.close();
    }
  });
}
