// Shared set-up of the embedding e2e tests (embed, badges, api): a copy of
// the built site (dist/, or $TOKENWORTH_DIST) plus test pages, served on
// 127.0.0.1 with the strict CSP; a page that records every request, so a
// test can check that nothing left the origin.

import { cp, mkdtemp, rm, writeFile, access, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, STRICT_CSP } from './server.mjs';
import { openPage, DIST, live } from './browser.mjs';

// The page check lives in browser.mjs; re-exported for the embedding tests.
export { clean } from './browser.mjs';

export const SITE = process.env.TOKENWORTH_DIST || DIST;

/**
 * The app's and the core's files as dist/embed.js names them, from its
 * APP_FILES table (`glue: { name: '…', integrity: '…' }`, which a release
 * build minifies to `glue:{name:"…",integrity:"…"}`): [{ role, name,
 * integrity }] in the table's order.
 */
export async function appFiles() {
  const loader = await readFile(join(SITE, 'embed.js'), 'utf8');
  const entry = /(\w+):\s*\{\s*name:\s*(['"])([^'"]*)\2,\s*integrity:\s*(['"])([^'"]*)\4\s*\}/g;
  return [...loader.matchAll(entry)].map(([, role, , name, , integrity]) => ({ role, name, integrity }));
}

/** A page that loads embed.js after `body` (hosts before the script). */
export function page(body, { head = '', scriptFirst = false } = {}) {
  const script = '<script async src="embed.js"></script>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>test</title>
<link rel="icon" href="favicon.svg">${head}${scriptFirst ? script : ''}</head>
<body>
${body}
${scriptFirst ? '' : script}
</body></html>`;
}

/**
 * Copies the built site into a temporary directory, adds `pages`
 * ({ 'name.html': html }), and serves it.
 */
export async function site(pages = {}, { csp = STRICT_CSP, headers = {} } = {}) {
  await access(join(SITE, 'embed.js')).catch(() => {
    throw new Error(`no ${SITE}embed.js: run \`make dist\` first (make test does)`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'tokenworth-e2e-'));
  await cp(SITE, dir, { recursive: true });
  for (const [name, html] of Object.entries(pages)) {
    await writeFile(join(dir, name), html);
  }
  const server = await serve({ dir, csp, headers });
  return {
    ...server,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** openPage, then `url`. */
export async function open(browser, url, contextOptions = {}) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  await page.goto(url, { waitUntil: 'load' });
  await live(page);
  return { context, page, problems };
}

/** Waits for window.tokenworth.ready. */
export async function ready(page) {
  await page.waitForFunction(() => window.tokenworth && window.tokenworth.ready);
  return page.evaluate(() =>
    window.tokenworth.ready.then(
      () => ({ ok: true }),
      (e) => ({ ok: false, error: String(e) }),
    ),
  );
}

/** The text of a host's shadow root ('' when none). */
export function shadowText(page, selector) {
  return page.evaluate(
    (sel) => document.querySelector(sel)?.shadowRoot?.textContent ?? '',
    selector,
  );
}

/**
 * Adds Offer B inside the iframe widget of `hostSelector` and returns the
 * `detail` of the `tokenworth:change` event its host receives.
 */
export async function addOfferBInFrame(page, hostSelector) {
  await page.evaluate((sel) => {
    window.__changes = [];
    document.querySelector(sel).addEventListener('tokenworth:change', (e) => window.__changes.push(e.detail));
  }, hostSelector);
  await page
    .frameLocator(`${hostSelector} iframe`)
    .getByRole('button', { name: 'Add an offer to compare' })
    .click();
  await page.waitForFunction(() => window.__changes.length > 0);
  return page.evaluate(() => window.__changes.at(-1));
}
