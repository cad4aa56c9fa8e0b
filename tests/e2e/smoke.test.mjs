// Smoke test of the built site: dist/index.html under the strict CSP loads
// the wasm app with no console error and no CSP violation, and
// window.tokenworth.ready resolves.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, STRICT_CSP } from './server.mjs';
import { launch, openPage, clean, DIST } from './browser.mjs';

let server;
let browser;

before(async () => {
  await access(join(DIST, 'index.html')).catch(() => {
    throw new Error(`no ${DIST}index.html: run \`make dist\` first (make test does)`);
  });
  server = await serve({ dir: DIST, csp: STRICT_CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('built index.html has no inline script or style', async () => {
  const html = (await readFile(join(DIST, 'index.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    assert.match(tag, /\bsrc=/, `inline script in dist/index.html: ${tag}`);
  }
  assert.doesNotMatch(html, /<style\b/i, 'inline <style> in dist/index.html');
  assert.doesNotMatch(html, /\sstyle=/i, 'inline style="" in dist/index.html');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler in dist/index.html');
});

test('versioned embed copy is byte-identical to embed.js', async () => {
  const cargoToml = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const version = cargoToml.match(/^version\s*=\s*"([^"]+)"/m)[1];
  const plain = await readFile(join(DIST, 'embed.js'));
  const versioned = await readFile(join(DIST, `embed-${version}.js`));
  assert.ok(plain.equals(versioned), `dist/embed-${version}.js differs from dist/embed.js`);
});

test('standalone page loads under the strict CSP and window.tokenworth.ready resolves', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const wasmResponse = page.waitForResponse((r) => /\/tokenworth-[0-9a-f]+_bg\.wasm$/.test(r.url()));
    await page.goto(server.url, { waitUntil: 'load' });

    const res = await wasmResponse;
    assert.equal(res.headers()['content-type'], 'application/wasm');

    const ready = await page.evaluate(() =>
      Promise.race([
        window.tokenworth.ready.then(
          (api) => ({ ok: api === window.tokenworth }),
          (err) => ({ ok: false, error: String(err) }),
        ),
        new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: 'timeout after 20 s' }), 20_000)),
      ]),
    );
    assert.deepEqual(ready, { ok: true }, 'window.tokenworth.ready did not resolve to window.tokenworth');

    await clean(problems, server.url);
  } catch (err) {
    err.message += `\nconsole:\n  ${problems.console.join('\n  ')}`;
    throw err;
  } finally {
    await context.close();
  }
});

test('index.html and embed.html unfurl as tokenworth: Open Graph and Twitter tags with a 1200 x 630 picture', async () => {
  for (const name of ['index.html', 'embed.html']) {
    const html = await readFile(join(DIST, name), 'utf8');
    const meta = (attr, key) => html.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`))?.[1];
    assert.match(meta('property', 'og:title') ?? '', /^tokenworth/, `${name} og:title`);
    assert.ok((meta('property', 'og:description') ?? '').length > 20, `${name} og:description`);
    assert.equal(meta('name', 'twitter:card'), 'summary_large_image', `${name} twitter:card`);
    const image = meta('property', 'og:image');
    assert.equal(meta('name', 'twitter:image'), image, `${name} twitter:image`);
    // The picture is in dist/ and is a PNG of the size the tags say
    // (the IHDR chunk: width and height as big-endian 32-bit at bytes 16 and 20).
    const png = await readFile(join(DIST, image));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${name}: ${image} is a PNG`);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    assert.equal(meta('property', 'og:image:width'), '1200');
    assert.equal(meta('property', 'og:image:height'), '630');
  }
});
