// Opens a proof gallery (the folder `hotline-kit proof --out DIR` writes) in headless
// Chromium from file:// and checks what a reviewer would meet:
//
// - every page (index.html, pieces/*.html, compare/*.html) loads with no console error,
//   no page error, no failed request and no request off the local disk;
// - every image has loaded (naturalWidth > 0) and has alt text; every link points at a
//   file that exists;
// - keyboard: the first Tab focuses the skip link, Enter on it moves focus to the main
//   content, the next Tab shows a visible focus outline, and on index.html every link
//   can be reached with Tab;
// - at 200% zoom (a 1280 px window is 640 CSS px wide) and at 400% (320 px) no page
//   scrolls sideways and the main content fits its width;
// - prints a page of each kind to PDF without error.
//
// Usage: node check.mjs PROOF_DIR SCREENSHOT.png
// Saves the top of index.html (1280 px wide, at most 1800 px high) to SCREENSHOT.png. With
// GALLERY_SHOTS=DIR it also saves every page at 1280 and 640 px, and the print PDF of
// the pages printed, for looking at by hand. CHROMIUM overrides /usr/bin/chromium.
// Ends with "N passed, N failed" (one per page) and exits 1 on any failure.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [dirArg, shotArg] = process.argv.slice(2);
if (!dirArg || !shotArg) {
  console.error('usage: node check.mjs PROOF_DIR SCREENSHOT.png');
  process.exit(2);
}
const dir = resolve(dirArg);
const shot = resolve(shotArg);
const shots = process.env.GALLERY_SHOTS ? resolve(process.env.GALLERY_SHOTS) : null;
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html does not exist: run hotline-kit proof --out ${dir} first`);
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const htmlIn = (sub) =>
  existsSync(join(dir, sub))
    ? readdirSync(join(dir, sub))
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => `${sub}/${f}`)
    : [];
const pages = ['index.html', ...htmlIn('pieces'), ...htmlIn('compare')];
if (pages.length < 3) {
  console.error(`only ${pages.length} pages in ${dir}: expected index, piece and compare pages`);
  process.exit(1);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'gallery-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
  offline: true,
});

let passed = 0;
let failed = 0;
let images = 0;
let links = 0;
const printed = new Set();

try {
  for (const rel of pages) {
    const problems = await checkPage(rel);
    if (problems.length) {
      failed++;
      console.log(`FAIL ${rel}`);
      for (const p of problems) console.log(`  - ${p}`);
    } else {
      passed++;
      console.log(`ok   ${rel}`);
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`checked ${pages.length} pages, ${images} images, ${links} links; screenshot ${shot}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

async function checkPage(rel) {
  const problems = [];
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) =>
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`),
  );
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request off the local disk: ${r.url()}`);
  });
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(dir, rel)).href, { waitUntil: 'load' });

    // Images: loaded, with alt text.
    const imgs = await page.$$eval('img', (all) =>
      all.map((i) => ({
        src: i.getAttribute('src'),
        ok: i.complete && i.naturalWidth > 0,
        alt: i.getAttribute('alt'),
      })),
    );
    images += imgs.length;
    for (const i of imgs) {
      if (!i.ok) problems.push(`image did not load: ${i.src}`);
      if (!i.alt || !i.alt.trim()) problems.push(`image without alt text: ${i.src}`);
    }

    // Links: every one points at a file of the gallery (and at an id that exists).
    const hrefs = await page.$$eval('a[href]', (all) =>
      all.map((a) => ({ href: a.href, raw: a.getAttribute('href') })),
    );
    links += hrefs.length;
    for (const { href, raw } of hrefs) {
      const url = new URL(href);
      if (url.protocol !== 'file:') {
        problems.push(`link off the local disk: ${raw}`);
        continue;
      }
      const file = fileURLToPath(url);
      if (!existsSync(file)) problems.push(`broken link: ${raw}`);
      if (url.hash && file === fileURLToPath(page.url().split('#')[0])) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!(await page.$(`[id="${id.replace(/"/g, '\\"')}"]`)))
          problems.push(`link to a missing id: ${raw}`);
      }
    }

    if (rel === 'index.html') {
      // The top of the page down to the first pieces, at most 1800 px.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: shot,
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 1800) },
      });
    }
    if (shots) {
      await page.screenshot({
        path: join(shots, rel.replace(/\//g, '__') + '.png'),
        fullPage: true,
      });
    }

    // Keyboard: skip link first, it moves focus to the main content, focus is visible.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return {
        skip: a.classList.contains('skip'),
        text: a.textContent.trim(),
        visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight,
      };
    });
    if (!first.skip) problems.push(`first Tab focuses "${first.text}", not the skip link`);
    else if (!first.visible) problems.push('the focused skip link is not visible');
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => document.activeElement?.id === 'main');
    if (!inMain) problems.push('Enter on the skip link does not move focus to the main content');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const a = document.activeElement;
      const s = getComputedStyle(a);
      return {
        inMain: !!a.closest('main'),
        tag: a.tagName,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      };
    });
    if (!ring.inMain) problems.push('Tab after the skip link leaves the main content');
    if (!ring.outline) problems.push(`focused ${ring.tag} has no visible outline`);
    if (rel === 'index.html') {
      const missed = await tabThroughEveryLink(page);
      if (missed.length)
        problems.push(`links never reached with Tab: ${missed.slice(0, 5).join(', ')}`);
    }

    // Zoom: 200% (640 CSS px) and 400% (320 CSS px) reflow without sideways scrolling.
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 900 });
      const o = await page.evaluate(() => {
        const d = document.documentElement;
        const m = document.querySelector('main');
        const wide = [...m.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > d.clientWidth + 1)
          .filter((e) => !e.closest('.scroll') && !e.closest('.vh') && !e.matches('.vh'))
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return {
          page: d.scrollWidth,
          client: d.clientWidth,
          main: m.scrollWidth,
          mainClient: m.clientWidth,
          wide,
        };
      });
      if (o.page > o.client || o.main > o.mainClient || o.wide.length)
        problems.push(
          `at ${width} px (${1280 / width * 100}% zoom) the page scrolls sideways: ` +
            `page ${o.page} > ${o.client} or main ${o.main} > ${o.mainClient}; too wide: ${o.wide.join(', ')}`,
        );
      if (shots && width === 640)
        await page.screenshot({
          path: join(shots, rel.replace(/\//g, '__') + '.640.png'),
          fullPage: true,
        });
    }

    // Print: one page of each kind prints.
    const kind = rel.split('/')[0];
    if (!printed.has(kind)) {
      printed.add(kind);
      await page.setViewportSize({ width: 1280, height: 900 });
      const pdf = await page.pdf({ format: 'Letter', printBackground: false });
      if (pdf.length < 1000) problems.push(`printing gives an empty PDF (${pdf.length} bytes)`);
      if (shots) writeFileSync(join(shots, rel.replace(/\//g, '__') + '.pdf'), pdf);
    }
  } catch (e) {
    problems.push(`check crashed: ${e.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

// Press Tab until focus comes round again; return the links it never reached.
async function tabThroughEveryLink(page) {
  // Load afresh without the #main the skip link added, so focus starts at the top.
  await page.goto(page.url().split('#')[0], { waitUntil: 'load' });
  const total = await page.$$eval('a[href], input, textarea, [tabindex="0"]', (a) => a.length);
  const reached = new Set();
  for (let n = 0; n < total + 5; n++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      a.dataset.tabbed = '1';
      return a.outerHTML.slice(0, 80);
    });
    if (key === null) break;
    reached.add(key);
  }
  return page.$$eval('a[href]', (all) =>
    all.filter((a) => a.dataset.tabbed !== '1').map((a) => a.getAttribute('href')),
  );
}
