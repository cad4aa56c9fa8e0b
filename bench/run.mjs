// tokenworth benchmark: shipped bytes, load times against a static
// baseline, interaction latency, model throughput and memory, each beside
// its budget. `make bench` builds the release site (dist/) and runs this.
//
//   node bench/run.mjs [--runs 9] [--edits 200] [--only sizes,load,...]
//                      [--out bench/results.json] [--no-native]
//
// Sections: sizes, load, badges, latency, model, memory, cls. Pages used only by
// the benchmark (baselines, 20 widgets, 1,000 badges) are generated into
// bench/out/site/ (git-ignored) next to a copy of dist/; dist/ is untouched.
// Headless Debian Chromium (playwright-core from tests/e2e), 127.0.0.1,
// strict CSP, a fresh browser context (empty cache) for every page load.

import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as Z } from 'node:zlib';
import os from 'node:os';
import { serve, STRICT_CSP } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const SITE = join(ROOT, 'bench', 'out', 'site');

// --- options --------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', '9'));
const EDITS = Number(opt('--edits', '200'));
const OUT = opt('--out', join(ROOT, 'bench', 'results.json'));
const ONLY = new Set(opt('--only', 'sizes,load,badges,latency,model,memory,cls').split(','));
const NATIVE = !argv.includes('--no-native');

const KiB = 1024;
const BUDGET = {
  badgePageGzip: 60 * KiB, // bytes a page with only badges downloads from tokenworth, gzip -9
  widgetPageGzip: 150 * KiB, // bytes a page with a widget downloads from tokenworth (on the way to 120)
  firstResultsRatio: 1.5, // first widget results / static baseline load
  inputP95: 8, // ms, input event -> results updated (see latency())
  badgesAfterScript: 300, // ms, embed.js loaded -> 1,000 badges shown
  badges10kLongestTask: 200, // ms, longest task while 10,000 badges render
  instancesFor20: 1, // wasm instances on a page with 20 widgets
  parse100kKeys: 1000, // ms, codec::parse of 100,000 distinct unknown keys (natively)
  cls: 0.01, // Cumulative Layout Shift of an article page, load -> widget results (each embed mode)
  widgetHeight680: 900, // px, the default widget 680 px wide
};

/** The 2-offer, 10-year scenario of benches/model.rs. */
const SCENARIO =
  'years=10&tax=35&base=375k&bonus=15&equity=400k&refresh=50k&tokens=100k&personal=10&b.base=450k&b.equity=200k&b.tokens=0';

// --- helpers --------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const stats = (xs) => ({
  median: round(median(xs)),
  min: round(Math.min(...xs)),
  max: round(Math.max(...xs)),
  p25: round(pct(xs, 25)),
  p75: round(pct(xs, 75)),
  runs: xs.map(round),
});
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const kib = (b) => `${(b / KiB).toFixed(1)} KiB`;
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} ms`);

const results = {
  date: new Date().toISOString(),
  command: 'make bench',
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
  },
  budgets: BUDGET,
};
const rows = []; // printed table: [figure, value, budget, verdict]
const row = (figure, value, budget = '', pass = null) =>
  rows.push([figure, value, budget, pass == null ? '' : pass ? 'PASS' : 'FAIL']);

// --- pages ----------------------------------------------------------------------

/** The widget host element of index.html, with any attributes, and the
 * prerendered copy (scripts/prerender.mjs) when it holds one. */
const HOST_RE = /<div data-tokenworth\b[^>]*>(?:<template shadowrootmode="open">[\s\S]*?<\/template>)?<\/div>/;

const PLACEHOLDER = `<div data-bench-placeholder class="bench-placeholder">
      <h2>Offer A</h2>
      <p>On paper <strong>$475,000</strong> a year, tokens included.</p>
      <p>Worth to you <strong>$377,400</strong> a year, after tax.</p>
    </div>`;

/** A job listing of `n` rows, each with a badge (or static text for the baseline). */
function listing(n, badges) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const base = 150_000 + ((i * 7919) % 350) * 1_000;
    const tokens = ((i * 104729) % 40) * 5_000;
    const badge = badges
      ? `<span data-tokenworth-badge data-base="${base}" data-tokens="${tokens}"></span>`
      : `<span class="badge-static">${((tokens / (base + tokens)) * 100).toFixed(1)}% compute</span>`;
    items.push(
      `<li class="job"><h3>Engineer ${i + 1}</h3><p>Base $${base.toLocaleString('en-US')}, tokens $${tokens.toLocaleString('en-US')} ${badge}</p></li>`,
    );
  }
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Jobs (bench, ${badges ? 'badges' : 'static baseline'})</title>
  <link rel="icon" href="./favicon.svg">
  <link rel="stylesheet" href="./page.css">
  ${badges ? '<script defer src="embed.js"></script>' : ''}
</head>
<body>
  <main>
    <h1>${n} jobs</h1>
    <ul class="jobs">
${items.join('\n')}
    </ul>
  </main>
</body>
</html>
`;
}

async function buildPages() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('no dist/index.html: run `make dist` (make bench does)');
  }
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  await cp(DIST, SITE, { recursive: true });
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  if (!HOST_RE.test(index)) throw new Error('dist/index.html has no <div data-tokenworth ...></div>');
  // The same page with a static placeholder: no loader, no preloads.
  const baseline = index
    .replace(HOST_RE, PLACEHOLDER)
    .replace(/<script[^>]*src="embed(-[^"]*)?\.js"[^>]*><\/script>/, '')
    .replace(/<script[^>]*src="prerender-gate\.js"[^>]*><\/script>/, '')
    .replace(/<link rel="(module)?preload"[^>]*>\n?/g, '');
  await writeFile(join(SITE, 'widget.html'), index);
  await writeFile(join(SITE, 'baseline.html'), baseline);
  // 20 widgets (embed mode, each its own scenario) on one page.
  const twenty = Array.from(
    { length: 20 },
    (_, i) => `<div data-tokenworth data-base="${300 + i * 10}k" data-tokens="${50 + i * 5}k"></div>`,
  ).join('\n    ');
  await writeFile(join(SITE, 'widgets-20.html'), index.replace(HOST_RE, twenty));
  await writeFile(join(SITE, 'badges.html'), listing(1000, true));
  await writeArticlePages();
  await writeFile(join(SITE, 'badges-10k.html'), listing(10_000, true));
  await writeFile(join(SITE, 'badges-10k-baseline.html'), listing(10_000, false));
  await writeFile(join(SITE, 'badges-baseline.html'), listing(1000, false));
}

// --- in-page probes -------------------------------------------------------------

/**
 * Init script (runs before any page script; the CSP does not apply to it):
 * counts wasm instantiations and records, for each watched target, the time
 * (performance.now(), ms since navigation start) just after the first frame
 * that shows it was produced: a requestAnimationFrame loop tests the DOM
 * before each frame; when a target is there, a message posted from that rAF
 * callback runs after the frame's style, layout and paint.
 */
function probe() {
  const B = (window.__bench = { t: {}, instances: 0, longTasks: [] });
  // Long tasks (> 50 ms) of the page: [start, duration] in ms.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[k];
    if (!orig) continue;
    WebAssembly[k] = function (...args) {
      B.instances++;
      return orig.apply(this, args);
    };
  }
  // When embed.js starts running: its first write of window.tokenworth.
  Object.defineProperty(window, 'tokenworth', {
    configurable: true,
    enumerable: true,
    get: () => undefined,
    set(value) {
      B.t.scriptRun = performance.now();
      Object.defineProperty(window, 'tokenworth', { value, writable: true, configurable: true, enumerable: true });
    },
  });
  const widgets = () => [...document.querySelectorAll('[data-tokenworth]')];
  const shown = (host) => {
    const fig = host.shadowRoot && host.shadowRoot.querySelector('[data-offer=a] [data-fig=headline]');
    return !!(fig && fig.textContent.trim());
  };
  let badgeIndex = 0;
  // Every rendered badge, whatever its tone, reads "… to you · …".
  const badgeDone = (el) => / to you · /.test((el.shadowRoot || el).textContent);
  const targets = {
    // first widget showing results
    widget: () => {
      const w = widgets();
      return w.length > 0 && shown(w[0]);
    },
    // every widget showing results
    widgets: () => {
      const w = widgets();
      return w.length > 0 && w.every(shown);
    },
    placeholder: () => !!document.querySelector('[data-bench-placeholder]'),
    badges: () => {
      const all = document.querySelectorAll('[data-tokenworth-badge]');
      if (!all.length) return false;
      while (badgeIndex < all.length && badgeDone(all[badgeIndex])) badgeIndex++;
      return badgeIndex === all.length;
    },
    'badges-static': () => document.querySelectorAll('.badge-static').length >= 1000,
  };
  const pending = new Set(Object.keys(targets));
  const frame = () => {
    for (const name of [...pending]) {
      let ok = false;
      try {
        ok = targets[name]();
      } catch {}
      if (ok) {
        pending.delete(name);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          B.t[name] = performance.now();
        };
        ch.port2.postMessage(0);
      }
    }
    if (pending.size && performance.now() < 120_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Navigation timing and resource timing of embed.js, after load. */
function pageTimes() {
  const nav = performance.getEntriesByType('navigation')[0];
  const embed = performance.getEntriesByType('resource').find((r) => /\/embed\.js$/.test(r.name));
  return {
    t: window.__bench.t,
    instances: window.__bench.instances,
    longTasks: window.__bench.longTasks,
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    embedLoaded: embed ? embed.responseEnd : null,
  };
}

let server;
let browser;
const warnings = new Set();

/** One cold page load in a fresh context; waits for `target` in the probe. */
async function loadOnce(path, target, { keep = false, timeout = 60_000 } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.waitForFunction((t) => window.__bench.t[t] != null, target, { timeout });
  // loadEventEnd is set once the load handlers have run.
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0);
  // The standalone page's prerendered copy shows results before the app
  // runs (the figure above counts it: the reader sees them); what a section
  // does with the page next (edits, memory) needs the app.
  await page.waitForFunction(() => !document.querySelector('[data-tokenworth][data-prerendered]'), null, { timeout });
  const times = await page.evaluate(pageTimes);
  // Reported, not fatal: the figures are still measured.
  for (const e of errors) warnings.add(`${path}: ${e}`);
  if (keep) return { context, page, times };
  await context.close();
  return { times };
}

// --- sections -------------------------------------------------------------------

/** The one file of dist/ whose name matches (the glue, the wasm). */
async function appFile(pattern) {
  const found = (await readdir(DIST)).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`dist/: expected one file like ${pattern}, found ${found.join(', ') || 'none'}`);
  return found[0];
}

async function sizes() {
  // What a page downloads from tokenworth besides its own HTML and CSS: the
  // loader, then the core (badges, tokenworth.compute) where no calculator
  // host is on the page when the loader runs, the app (which then does the
  // core's part too) where one is. The widget's own CSS is compiled into the
  // wasm (adopted stylesheet); page.css, and the widget stylesheet and
  // gate of its prerendered copy (scripts/prerender.mjs), are the
  // standalone page's (an embedding page loads none of them), listed but in
  // neither total.
  // Content-hashed names are reported under a stable label.
  const files = [
    ['embed.js', 'embed.js', 'loader'],
    ['tokenworth-core-<hash>.js', await appFile(/^tokenworth-core-[0-9a-f]+\.js$/), 'core'],
    ['tokenworth-core-<hash>_bg.wasm', await appFile(/^tokenworth-core-[0-9a-f]+_bg\.wasm$/), 'core'],
    ['tokenworth-<hash>.js', await appFile(/^tokenworth-[0-9a-f]+\.js$/), 'app'],
    ['tokenworth-<hash>_bg.wasm', await appFile(/^tokenworth-[0-9a-f]+_bg\.wasm$/), 'app'],
    ['page.css', 'page.css', 'page'],
    ['widget-<hash>.css', await appFile(/^widget-[0-9a-f]+\.css$/), 'page'],
    ['prerender-gate.js', 'prerender-gate.js', 'page'],
  ];
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
  const out = { files: {}, badgePage: zero(), widgetPage: zero() };
  for (const [f, name, part] of files) {
    const buf = await readFile(join(DIST, name));
    const text = !f.endsWith('.wasm');
    const s = {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: {
          [Z.BROTLI_PARAM_QUALITY]: 11,
          [Z.BROTLI_PARAM_MODE]: text ? Z.BROTLI_MODE_TEXT : Z.BROTLI_MODE_GENERIC,
          [Z.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
    };
    out.files[f] = s;
    for (const k of ['raw', 'gzip', 'brotli']) {
      if (part === 'loader' || part === 'core') out.badgePage[k] += s[k];
      if (part === 'loader' || part === 'app') out.widgetPage[k] += s[k];
    }
  }
  results.sizes = out;
  console.log('\nShipped bytes');
  console.log(`  ${'file'.padEnd(32)}${'raw'.padStart(12)}${'gzip -9'.padStart(12)}${'brotli'.padStart(12)}`);
  const totals = [['badge-only page', out.badgePage], ['widget page', out.widgetPage]];
  for (const [f, s] of [...Object.entries(out.files), ...totals]) {
    console.log(`  ${f.padEnd(32)}${String(s.raw).padStart(12)}${String(s.gzip).padStart(12)}${String(s.brotli).padStart(12)}`);
  }
  const b = out.badgePage;
  row('badge-only page (loader + core, gzip -9)', `${kib(b.gzip)} (raw ${kib(b.raw)}, br ${kib(b.brotli)})`, `≤ ${kib(BUDGET.badgePageGzip)}`, b.gzip <= BUDGET.badgePageGzip);
  const w = out.widgetPage;
  row('widget page (loader + app, gzip -9)', `${kib(w.gzip)} (raw ${kib(w.raw)}, br ${kib(w.brotli)})`, `≤ ${kib(BUDGET.widgetPageGzip)}`, w.gzip <= BUDGET.widgetPageGzip);
}

async function load() {
  const widget = [];
  const base = [];
  const baseLoad = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so both see the same machine state.
    const w = await loadOnce('widget.html', 'widget');
    const b = await loadOnce('baseline.html', 'placeholder');
    widget.push(w.times.t.widget);
    base.push(b.times.t.placeholder);
    baseLoad.push(Math.max(b.times.load, b.times.t.placeholder));
  }
  const ratio = median(widget) / median(baseLoad);
  results.load = {
    what: 'navigation start -> just after the first frame showing the first widget\'s results (widget page) / the static placeholder (baseline); baseline load = max(loadEventEnd, placeholder painted)',
    widgetResults: stats(widget),
    baselinePlaceholder: stats(base),
    baselineLoad: stats(baseLoad),
    ratio: round(ratio, 2),
  };
  row('first widget results (median)', `${ms(median(widget))} [${ms(Math.min(...widget))} .. ${ms(Math.max(...widget))}]`);
  row('  static baseline load (median)', `${ms(median(baseLoad))} [${ms(Math.min(...baseLoad))} .. ${ms(Math.max(...baseLoad))}]`);
  row('  ratio widget / baseline', `${ratio.toFixed(2)}x`, `≤ ${BUDGET.firstResultsRatio}x`, ratio <= BUDGET.firstResultsRatio);
}

async function badges() {
  const nav = [];
  const afterLoad = [];
  const afterScript = [];
  const base = [];
  for (let i = 0; i < RUNS; i++) {
    const w = await loadOnce('badges.html', 'badges', { timeout: 30_000 });
    const b = await loadOnce('badges-baseline.html', 'badges-static');
    nav.push(w.times.t.badges);
    afterLoad.push(w.times.t.badges - w.times.embedLoaded);
    afterScript.push(w.times.t.badges - w.times.t.scriptRun);
    base.push(Math.max(b.times.load, b.times.t['badges-static']));
  }
  const ratio = median(nav) / median(base);
  results.badges = {
    what: '1,000 badges: navigation start / embed.js responseEnd / embed.js starting to run (deferred: after the listing is parsed) -> just after the first frame where every badge shows its "… to you · …" chip; baseline: the same listing with static text, load',
    navToBadges: stats(nav),
    embedLoadedToBadges: stats(afterLoad),
    scriptRunToBadges: stats(afterScript),
    baselineLoad: stats(base),
    ratio: round(ratio, 2),
  };
  row('1,000 badges from navigation (median)', `${ms(median(nav))} [${ms(Math.min(...nav))} .. ${ms(Math.max(...nav))}]`);
  row('  static listing load (median)', `${ms(median(base))}; ratio ${ratio.toFixed(2)}x`);
  row('1,000 badges after embed.js downloaded', `${ms(median(afterLoad))} [${ms(Math.min(...afterLoad))} .. ${ms(Math.max(...afterLoad))}]`);
  const s = median(afterScript);
  row('1,000 badges after embed.js starts', `${ms(s)} [${ms(Math.min(...afterScript))} .. ${ms(Math.max(...afterScript))}]`, `≤ ${BUDGET.badgesAfterScript} ms`, s <= BUDGET.badgesAfterScript);
  await badgesLongestTask();
}

/**
 * 10,000 badges: the longest task (PerformanceObserver 'longtask', > 50 ms)
 * starting after embed.js starts to run and before every badge shows, and
 * how long that took. Tasks that started earlier are left out: the one that
 * runs the deferred embed.js also ends the parsing of the listing (~120 ms
 * and more of the page's own work), and embed.js's own part of it is a few ms.
 */
async function badgesLongestTask() {
  const longest = [];
  const total = [];
  const baseline = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    // The same listing with static text: its own parsing and first layout.
    const b = await loadOnce('badges-10k-baseline.html', 'badges-static', { timeout: 120_000 });
    baseline.push(Math.max(0, ...b.times.longTasks.map(([, duration]) => duration)));
    const { times } = await loadOnce('badges-10k.html', 'badges', { timeout: 120_000 });
    const from = times.t.scriptRun;
    const tasks = times.longTasks.filter(([start]) => start >= from && start < times.t.badges);
    longest.push(Math.max(0, ...tasks.map(([, duration]) => duration)));
    total.push(times.t.badges - from);
  }
  results.badges10k = {
    what: '10,000 badges: longest task (longtask entries starting between embed.js starting to run and all badges shown; 0 when none over 50 ms) and embed.js start -> all badges shown',
    longestTask: stats(longest),
    scriptRunToBadges: stats(total),
    staticListingLongestTask: stats(baseline),
  };
  const m = median(longest);
  row('10,000 badges: longest task (median)', `${ms(m)} [${ms(Math.min(...longest))} .. ${ms(Math.max(...longest))}]`, `≤ ${BUDGET.badges10kLongestTask} ms`, m <= BUDGET.badges10kLongestTask);
  row('  10,000 badges after embed.js starts', ms(median(total)));
  row('  static 10,000 listing: longest task (its own parse and layout)', ms(median(baseline)));
}

/**
 * Interaction latency on the standalone page: EDITS trusted edits of the
 * base salary field (CDP Input.insertText over the selected value: one
 * `input` event each, a new base every time). In the page, a capturing `input` listener on
 * the shadow root marks the start (event.timeStamp); a MutationObserver sees
 * the headline figure change, forces style + layout and marks "updated";
 * a message posted from the next requestAnimationFrame marks "painted"
 * (after that frame's paint: includes waiting for the frame, up to one
 * 16.7 ms vsync interval, which no code of ours can shorten).
 */
async function latency() {
  const { context, page } = await loadOnce('widget.html', 'widget', { keep: true });
  await page.evaluate(() => {
    const host = document.querySelector('[data-tokenworth]');
    const root = host.shadowRoot;
    const input = root.querySelector('input[id$="-base"]');
    if (!input) throw new Error('no base salary input');
    const fig = () => root.querySelector('[data-offer=a] [data-fig=headline]').textContent;
    const L = (window.__lat = { done: [], pending: null });
    root.addEventListener(
      'input',
      (e) => {
        if (e.target !== input) return;
        performance.mark('tw-input');
        L.pending = { start: e.timeStamp, before: fig() };
      },
      true,
    );
    new MutationObserver(() => {
      const p = L.pending;
      if (!p || p.updated != null || fig() === p.before) return;
      root.firstElementChild.getBoundingClientRect(); // style + layout now
      p.updated = performance.now();
      performance.measure('tw-input-to-results', 'tw-input');
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          p.painted = performance.now();
          performance.measure('tw-input-to-paint', 'tw-input');
          L.done.push({ updated: p.updated - p.start, painted: p.painted - p.start });
          L.pending = null;
        };
        ch.port2.postMessage(0);
      });
    }).observe(root, { subtree: true, childList: true, characterData: true });
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  });
  for (let i = 0; i < EDITS; i++) {
    // Select the whole value (no event), then one trusted insertText: one
    // `input` event carrying a new valid base (300k .. 399k, never twice
    // in a row), so every edit changes the figures.
    await page.evaluate(() => {
      const input = document.querySelector('[data-tokenworth]').shadowRoot.querySelector('input[id$="-base"]');
      input.setSelectionRange(0, input.value.length);
    });
    await page.keyboard.insertText(`${300 + ((i * 37) % 100)}k`);
    await page.waitForFunction((n) => window.__lat.done.length >= n, i + 1, { timeout: 10_000, polling: 'raf' });
    // Land the next edit at a random point of the frame.
    await page.waitForTimeout(Math.random() * 20);
  }
  const done = await page.evaluate(() => window.__lat.done);
  await context.close();
  const updated = done.map((d) => d.updated);
  const painted = done.map((d) => d.painted);
  results.latency = {
    what: 'input event (event.timeStamp, base salary field) -> headline figure changed + forced style/layout (updated) / -> after the next frame\'s paint (painted); trusted edits via CDP Input.insertText',
    edits: done.length,
    updated: { p50: round(pct(updated, 50), 2), p95: round(pct(updated, 95), 2), max: round(Math.max(...updated), 2) },
    painted: { p50: round(pct(painted, 50), 2), p95: round(pct(painted, 95), 2), max: round(Math.max(...painted), 2) },
  };
  const p95 = pct(updated, 95);
  row(`input -> results updated+layout (${done.length} edits)`, `p50 ${ms(pct(updated, 50))}, p95 ${ms(p95)}`, `p95 ≤ ${BUDGET.inputP95} ms`, p95 <= BUDGET.inputP95);
  row('input -> next frame painted', `p50 ${ms(pct(painted, 50))}, p95 ${ms(pct(painted, 95))}`);
}

async function model() {
  results.model = { scenario: SCENARIO };
  if (NATIVE) {
    const out = execFileSync('cargo', ['bench', '-q', '--bench', 'model', '--', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
    results.model.native = JSON.parse(line);
    const n = results.model.native;
    row('model natively (project)', `${Math.round(n.project_per_s).toLocaleString('en-US')} scenarios/s`);
    row('  parse + project + JSON result', `${Math.round(n.compute_path_per_s).toLocaleString('en-US')} scenarios/s`);
    row('parse 100,000 unknown keys (natively)', ms(n.parse_100k_keys_ms), '100,000 keys < 1 s', n.parse_100k_keys_ms < BUDGET.parse100kKeys);
    row('  parse 1,000 unknown keys (the cap)', ms(n.parse_1000_keys_ms));
  }
  const { context, page } = await loadOnce('widget.html', 'widget', { keep: true });
  const wasm = await page.evaluate(async (scenario) => {
    const api = await window.tokenworth.ready;
    if (typeof api.compute !== 'function') return { missing: 'window.tokenworth.compute' };
    const one = api.compute(scenario);
    let batch = 1;
    for (;;) {
      const t = performance.now();
      for (let i = 0; i < batch; i++) api.compute(scenario);
      if (performance.now() - t >= 20) break;
      batch *= 2;
    }
    const rates = [];
    const start = performance.now();
    while (performance.now() - start < 2000 || rates.length < 7) {
      const t = performance.now();
      for (let i = 0; i < batch; i++) api.compute(scenario);
      rates.push((batch * 1000) / (performance.now() - t));
    }
    rates.sort((a, b) => a - b);
    return { per_s: rates[rates.length >> 1], min: rates[0], max: rates[rates.length - 1], sample: JSON.stringify(one).slice(0, 80) };
  }, SCENARIO);
  await context.close();
  results.model.wasm = wasm;
  if (wasm.missing) row('model in wasm (tokenworth.compute)', `n/a: no ${wasm.missing} yet`);
  else row('model in wasm (tokenworth.compute)', `${Math.round(wasm.per_s).toLocaleString('en-US')} scenarios/s`);
}

async function memory() {
  const out = {};
  const cases = [
    ['baseline (static page)', 'baseline.html', 'placeholder'],
    ['1 widget', 'widget.html', 'widget'],
    ['20 widgets', 'widgets-20.html', 'widgets'],
    ['1,000 badges', 'badges.html', 'badges'],
  ];
  for (const [label, path, target] of cases) {
    let loaded;
    try {
      loaded = await loadOnce(path, target, { keep: true, timeout: 20_000 });
    } catch (e) {
      out[label] = { error: e.message.split('\n')[0] };
      row(`memory: ${label}`, `error: ${e.message.split('\n')[0].slice(0, 60)}`, '', false);
      continue;
    }
    const { context, page, times } = loaded;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    // The module that runs this page's figures: the app beside widgets, the
    // core beside badges only (the app is never loaded there).
    const glueName = await appFile(target === 'badges' ? /^tokenworth-core-[0-9a-f]+\.js$/ : /^tokenworth-[0-9a-f]+\.js$/);
    const wasmBytes = await page.evaluate(async (name) => {
      if (!window.tokenworth || !window.tokenworth.baseUrl) return null;
      // Same URL, same module instance: default() returns the running exports.
      const glue = await import(new URL(name, window.tokenworth.baseUrl).href);
      const exports = await glue.default();
      return exports.memory.buffer.byteLength;
    }, glueName);
    const nodes = await page.evaluate(() => {
      let n = document.getElementsByTagName('*').length;
      for (const h of document.querySelectorAll('[data-tokenworth], [data-tokenworth-badge]')) {
        if (h.shadowRoot) n += h.shadowRoot.querySelectorAll('*').length;
      }
      return n;
    });
    out[label] = { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasmBytes, wasmInstances: times.instances, elements: nodes };
    await context.close();
    row(`memory: ${label}`, `JS heap ${kib(heap.usedSize)}, wasm ${wasmBytes == null ? 'n/a' : kib(wasmBytes)}, ${times.instances} wasm instance(s)`);
  }
  results.memory = out;
  const twenty = out['20 widgets'].wasmInstances ?? NaN;
  row('20 widgets: wasm instances', String(twenty), `= ${BUDGET.instancesFor20}`, twenty === BUDGET.instancesFor20);
}

/** The bench article: text above and below one default widget, a 680 px column. */
const ARTICLE_CSS = `body { margin: 0 auto; max-width: 680px; padding: 16px 0 48px; font: 17px/1.6 Georgia, serif; color: #222; background: #fff; }
h1 { font: 700 28px/1.2 system-ui, sans-serif; margin: 0 0 12px; }
p { margin: 0 0 16px; }
`;
function article(hostAttributes, { head = false, sync = false } = {}) {
  const loader = head ? '<script async blocking="render" src="embed.js"></script>' : '<script async src="embed.js"></script>';
  const after = sync ? '<script src="embed.js"></script>' : '';
  const para = 'A top-quartile engineer offered $375,000 base and $100,000 a year of AI tokens is told the package is worth $475,000.';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Article (bench)</title>
  <link rel="icon" href="./favicon.svg">
  <link rel="stylesheet" href="./bench-article.css">
  ${head ? loader : ''}
</head>
<body>
  <h1>Is $100,000 of tokens a raise?</h1>
  <p>${para}</p>
  <div data-tokenworth${hostAttributes}></div>${after}
  ${Array.from({ length: 6 }, () => `<p>${para} The tokens are compute the employer buys; what is left to the engineer is the salary.</p>`).join('\n  ')}
  ${head || sync ? '' : loader}
</body>
</html>
`;
}

async function writeArticlePages() {
  await writeFile(join(SITE, 'bench-article.css'), ARTICLE_CSS);
  await writeFile(join(SITE, 'article-script.html'), article(''));
  await writeFile(join(SITE, 'article-iframe.html'), article(' data-mode="iframe"'));
  await writeFile(join(SITE, 'article-script-head.html'), article('', { head: true }));
  await writeFile(join(SITE, 'article-script-sync.html'), article('', { sync: true }));
  await writeFile(join(SITE, 'article-iframe-sync.html'), article(' data-mode="iframe"', { sync: true }));
  await writeFile(join(SITE, 'article-iframe-head.html'), article(' data-mode="iframe"', { head: true }));
}

/**
 * Init script: the page's Cumulative Layout Shift so far (the sum of every
 * layout-shift entry without recent input, as web-vitals counts it for a
 * page that loads and is not scrolled), and when the widget shows results,
 * in the page or inside its iframe.
 */
function clsProbe() {
  if (window.top !== window) return; // the frame's own document is not the article
  const C = (window.__cls = { sum: 0, entries: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      C.sum += e.value;
      C.entries.push({ t: Math.round(e.startTime), value: e.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  C.shown = () => {
    const host = document.querySelector('[data-tokenworth]');
    const root = host && host.shadowRoot;
    if (!root) return false;
    const iframe = root.querySelector('iframe');
    const widget = iframe ? iframe.contentDocument && iframe.contentDocument.querySelector('[data-tokenworth]') : host;
    const fig = widget && widget.shadowRoot && widget.shadowRoot.querySelector('[data-offer=a] [data-fig=headline]');
    if (!fig || !fig.textContent.trim()) return false;
    // In iframe mode the load ends when the parent has applied the
    // frame's height: the page no longer moves.
    if (iframe) {
      const inner = Math.ceil(iframe.contentDocument.documentElement.getBoundingClientRect().height);
      return Math.abs(iframe.getBoundingClientRect().height - inner) < 1;
    }
    return true;
  };
}

/**
 * Layout shift of an article page while the widget loads (script embed and
 * iframe mode), from navigation until the widget shows results and two more
 * frames have been painted; and the height of the default widget in the
 * 680 px column.
 */
async function cls() {
  // Where the loader sits decides whether the text under the host is
  // painted before the placeholder holds the widget's space (README,
  // "Script embed"): the snippet's way (right after the host, no async) is
  // the budgeted one; the others are reported.
  const modes = [
    ['script embed (snippet: loader after the host)', 'article-script-sync.html', true],
    ['iframe mode (loader after the host)', 'article-iframe-sync.html', true],
    ['  script embed, loader async at the end', 'article-script.html', false],
    ['  iframe mode, loader async at the end', 'article-iframe.html', false],
    ['  script embed, loader in head (blocking=render)', 'article-script-head.html', false],
    ['  iframe mode, loader in head (blocking=render)', 'article-iframe-head.html', false],
  ];
  const out = {};
  const heights = [];
  const runs = Math.min(RUNS, 5);
  for (const [label, path, budgeted] of modes) {
    const scores = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(clsProbe);
      const page = await context.newPage();
      await page.goto(server.url + path, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__cls.shown(), null, { timeout: 30_000, polling: 'raf' });
      // Two more frames: a shift of the frame that showed the results is reported.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      const { sum, entries, height } = await page.evaluate(() => ({
        ...window.__cls,
        height: document.querySelector('[data-tokenworth]').getBoundingClientRect().height,
      }));
      scores.push(sum);
      if (path === 'article-script-sync.html') heights.push(height);
      if (i === 0) out[label] = { entries };
      await context.close();
    }
    // Judged on the worst run: whether the page moves depends on whether
    // the embed's first change lands before or after the first paint.
    const worst = Math.max(...scores);
    const key = label.trim();
    out[key] = { ...out[label], scores: scores.map((x) => round(x, 4)), median: round(median(scores), 4), worst: round(worst, 4) };
    if (key !== label) delete out[label];
    const value = `${worst.toFixed(4)} (median ${median(scores).toFixed(4)})`;
    if (budgeted) row(`CLS, article page, ${label}, worst of ${runs}`, value, `≤ ${BUDGET.cls}`, worst <= BUDGET.cls);
    else row(label, value);
  }
  const h = median(heights);
  out.widgetHeight680 = round(h);
  results.cls = {
    what: 'sum of layout-shift entries without recent input on an article page (text above and below one default widget in a 680 px column, 1280x800 viewport), navigation -> widget results shown (iframe mode: and the iframe at the height of its page) + 2 frames; widget height: the host element in that column',
    ...out,
  };
  row('default widget height, 680 px wide', `${h.toFixed(1)} px`, `≤ ${BUDGET.widgetHeight680} px`, h <= BUDGET.widgetHeight680);
}

// --- main -----------------------------------------------------------------------

function printTable() {
  const w = [0, 0, 0, 0];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i], c.length)));
  const line = (r) => `  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  console.log('\ntokenworth bench (`make bench`)');
  console.log(line(['figure', 'measured', 'budget', '']));
  console.log(`  ${'-'.repeat(w[0] + w[1] + w[2] + 10)}`);
  for (const r of rows) console.log(line(r));
  results.table = rows.map(([figure, value, budget, verdict]) => ({ figure, value, budget, verdict }));
  // The same table in Markdown, for the README's "Performance" section.
  const md = ['| figure | measured | budget | |', '|---|---|---|---|'];
  for (const r of rows) md.push(`| ${r.map((c) => c.trim().replace(/\|/g, '\\|')).join(' | ')} |`);
  results.markdown = md.join('\n');
}

try {
  if (ONLY.has('sizes')) await sizes();
  const browserSections = ['load', 'badges', 'latency', 'model', 'memory', 'cls'].filter((s) => ONLY.has(s));
  if (browserSections.length) {
    await buildPages();
    server = await serve({ dir: SITE, csp: STRICT_CSP });
    browser = await launch();
    const sections = { load, badges, latency, model, memory, cls };
    for (const s of browserSections) {
      try {
        await sections[s]();
      } catch (e) {
        console.error(`bench: ${s}: ${e.message.split('\n')[0]}`);
        results[s] = { error: e.message.split('\n')[0] };
        row(s, `error: ${e.message.split('\n')[0].slice(0, 70)}`, '', false);
      }
    }
  }
  printTable();
  results.warnings = [...warnings];
  for (const w of warnings) console.log(`warning: ${w}`);
  await writeFile(OUT, JSON.stringify(results, null, 2) + '\n');
  await mkdir(join(ROOT, 'bench', 'out'), { recursive: true });
  await writeFile(join(ROOT, 'bench', 'out', 'table.md'), results.markdown + '\n');
  console.log(`\nwrote ${OUT.replace(ROOT, '')} and bench/out/table.md`);
} finally {
  await browser?.close();
  await server?.close();
}
