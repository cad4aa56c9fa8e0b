// Shared set-up for the e2e tests: Debian's Chromium driven by playwright-core.
// Never `npx playwright install`: the browser comes from apt (scripts/setup.sh).

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, STRICT_CSP } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Quiet and offline-friendly: no background downloads, no first-run UI.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built site (`make dist` writes it). */
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Where tests leave screenshots (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Serves the built site as it ships, under the strict CSP. */
export async function serveBuiltSite() {
  await access(join(DIST, 'index.html')).catch(() => {
    throw new Error(`no ${DIST}index.html: run \`make dist\` first (make test does)`);
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return serve({ dir: DIST, csp: STRICT_CSP });
}

export function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

/**
 * Open a page that records everything a test may want to assert on:
 * console errors, uncaught page errors, CSP violations (via the
 * `securitypolicyviolation` event, recorded by an init script which the CSP
 * does not apply to), failed requests and every request URL.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], console: [], requests: [] };
  page.on('request', (req) => problems.requests.push(req.url()));
  page.on('console', (msg) => {
    problems.console.push(`${msg.type()}: ${msg.text()}`);
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  problems.cspViolations = () => page.evaluate(() => window.__cspViolations);
  return { context, page, problems };
}

/**
 * Resolves once no host still holds the standalone page's prerendered copy
 * (scripts/prerender.mjs): it has the default scenario's figures, even
 * hidden, so what a test reads before the app has replaced it is not the
 * app's. At once on pages without one; a loader that fails removes it too.
 */
export function live(page) {
  return page.waitForFunction(() => !document.querySelector('[data-tokenworth][data-prerendered]'), null, { timeout: 20_000 });
}

/**
 * The one "no problems on the page" check: no CSP violation, uncaught
 * error, console error or failed request and, given `origin`, no request
 * that left it.
 */
export async function clean(problems, origin) {
  assert.deepEqual(await problems.cspViolations(), [], 'CSP violations');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.failedRequests, [], 'failed requests');
  if (origin) {
    const foreign = problems.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests that left the origin');
  }
}
