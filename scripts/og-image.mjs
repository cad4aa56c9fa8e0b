// Renders www/og-image.png (1200 x 630), the picture a shared link unfurls
// with. Static on purpose: a preview with the link's own figures would need
// a server to render it (README, "Sharing a link"). Run after `make setup`:
//   node scripts/og-image.mjs
// The figures are the public claim of MODEL.md: base 375,000 and tokens
// 100,000 are 475,000 on paper, 375,000 to you at 0 % tax, and
// 100,000 / 475,000 = 21.1 % compute.
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';

const out = fileURLToPath(new URL('../www/og-image.png', import.meta.url));
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column;
         justify-content: center; padding: 0 88px; box-sizing: border-box;
         font-family: system-ui, sans-serif; background: #0f1a2b; color: #f4f6fa; }
  h1 { font-size: 76px; margin: 0; letter-spacing: -0.02em; }
  p.q { font-size: 40px; margin: 8px 0 56px; color: #b9c6dc; }
  .row { display: flex; gap: 64px; }
  .fig span { display: block; font-size: 26px; color: #b9c6dc; font-weight: 600; }
  .fig b { font-size: 68px; letter-spacing: -0.02em; }
  .worth b { color: #7ee2a8; }
  .share b { color: #ffb86b; }
</style></head><body>
  <h1>tokenworth</h1>
  <p class="q">Is this AI token budget worth it?</p>
  <div class="row">
    <div class="fig"><span>On paper</span><b>$475,000</b></div>
    <div class="fig worth"><span>Worth to you</span><b>$375,000</b></div>
    <div class="fig share"><span>Compute</span><b>21.1%</b></div>
  </div>
</body></html>`;

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(html);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
