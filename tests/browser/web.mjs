// End-to-end tests of the web application (`hotline-kit serve`) in headless Chromium.
//
// It makes a facility folder in a temporary folder (`hotline-kit init`), accounts for
// each role through the command line (password on stdin), starts `serve` on a free port
// of 127.0.0.1 and drives the pages as people would: each flow is a named check. On
// every page it visits it also checks:
//
// - accessibility with axe-core: no violation of impact "serious" or "critical";
// - reflow: at 640 CSS px (a 1280 px window at 200% zoom) and at 390 px (a phone) the
//   page does not scroll sideways;
// - no console error, no page error, no Content-Security-Policy violation.
//
// axe-core is run with page.evaluate(source of axe.min.js): the page's CSP (script-src
// 'self', no inline script) stays on, so the check sees the pages exactly as people do
// and still catches an inline script or style the CSP blocks. (bypassCSP would switch
// the policy off for the whole context and hide such a fault.) page.evaluate runs through
// the DevTools protocol, which the CSP does not govern.
//
// Usage: node web.mjs BINARY SHOTS_DIR
// Saves one screenshot per role into SHOTS_DIR (1000 px wide, PNG) for the README.
// CHROMIUM overrides /usr/bin/chromium. WEB_KEEP=1 keeps the facility folder. WEB_CSS=FILE
// serves FILE as /static/app.css (to try a stylesheet change without rebuilding).
// Ends with "N passed, N failed" and exits 1 on any failure.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [binArg, shotsArg] = process.argv.slice(2);
if (!binArg || !shotsArg) {
  console.error('usage: node web.mjs BINARY SHOTS_DIR');
  process.exit(2);
}
const bin = resolve(binArg);
const shots = resolve(shotsArg);
mkdirSync(shots, { recursive: true });

// The people of the test: name, role, extra `user add` arguments. Passwords are long
// enough for the 10-character minimum.
const PEOPLE = {
  admin: { name: 'Ana Admin', role: 'admin' },
  coord: { name: 'Sam Coordinator', role: 'coordinator' },
  leader: { name: 'Maria Reviewer', role: 'reviewer', extra: ['--board-role', 'survivor leader'] },
  reviewer: { name: 'Tomas Reviewer', role: 'reviewer' },
  translator: { name: 'Lin Translator', role: 'translator', extra: ['--locale', 'es'] },
  staff: { name: 'Kim Staff', role: 'staff' },
  // Locked out by the rate-limit check; nobody else logs in as this one.
  spare: { name: 'Rae Spare', role: 'coordinator' },
};
for (const p of Object.values(PEOPLE)) p.password = `pass phrase of ${p.name}`;

let passed = 0;
let failed = 0;
const work = mkdtempSync(join(tmpdir(), 'hotline-web-'));
const project = join(work, 'facility');
let server = null;
let serverLog = '';
let browser = null;

process.on('exit', () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});


// --- the facility, its accounts and the server ---

function cli(args, input) {
  const r = spawnSync(bin, ['--project', project, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw new Error(`hotline-kit ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`hotline-kit ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

function setUp() {
  const r = spawnSync(bin, ['init', project], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`hotline-kit init: ${r.stderr}`);
  for (const p of Object.values(PEOPLE))
    cli(['user', 'add', p.name, '--role', p.role, ...(p.extra ?? [])], `${p.password}\n`);
}

// A port nobody listens on now (serve does not print the port it got for :0 in a form
// meant for reading back, so the test chooses one).
function freePort() {
  return new Promise((ok, bad) => {
    const s = createServer();
    s.once('error', bad);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function startServer(port, base) {
  const child = spawn(bin, ['--project', project, 'serve', '--bind', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (serverLog += d));
  child.stderr.on('data', (d) => (serverLog += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/login`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('serve did not answer on /login within 30 s');
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(timer);
}

// --- checks ---

class Tester {
  constructor(browserInstance, base) {
    this.browser = browserInstance;
    this.base = base;
    this.audited = new Set();
    this.pages = [];
  }

  async run() {
    await this.check('admin logs in, sees the users and the audit log', () => this.adminFlow());
    await this.check('a wrong password shows the error; 6 tries give the rate limit', () =>
      this.wrongPasswords(),
    );
    await this.check('logging in with the keyboard only', () => this.keyboardLogin());
    await this.check('logout ends the session (back and reload do not show the page)', () =>
      this.logoutFlow(),
    );
    await this.check('a coordinator cannot open /admin/users (403 page)', () =>
      this.forbiddenFlow(),
    );
    // The kit's life: picked, reviewed, fixed, approved, downloaded.
    await this.check('coordinator picks designs and two languages, sees the previews', () =>
      this.coordinatorPicks(),
    );
    await this.check('reviewer pins a comment by clicking the preview, requests changes', () =>
      this.reviewerRequestsChanges(),
    );
    await this.check('keyboard only: a reviewer comments and approves with Tab, Enter, Space', () =>
      this.keyboardReview(),
    );
    await this.check('coordinator fixes the kit through the form (kit.toml changes)', () =>
      this.coordinatorFixes(),
    );
    await this.check('translator edits a Spanish message (checked like an import) and marks it reviewed', () =>
      this.translatorReviews(),
    );
    await this.check('reviewer approves after the fix; nothing is left waiting', () =>
      this.reviewerApproves(),
    );
    await this.check('coordinator downloads the final zip: the files of build --final', () =>
      this.finalZip(),
    );
    await this.check('staff log a posting from a phone (390 px); the report lists it', () =>
      this.staffPosts(),
    );
  }

  // One named check: passes unless it throws.
  async check(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}`);
      for (const line of String(e.message).split('\n').slice(0, 12)) console.log(`  ${line}`);
      // What the page looked like, for whoever reads the CI log.
      const last = this.pages.filter((p) => !p.isClosed()).at(-1);
      if (last && !last.isClosed()) {
        const file = join(shots, `failed-${failed}.png`);
        if (await last.screenshot({ path: file, fullPage: true }).then(() => true, () => false))
          console.log(`  (the page at ${last.url()} is in ${file})`);
      }
    }
  }

  // A new context (own cookies) and page; console errors and CSP violations are noted.
  async open(viewport = { width: 1000, height: 900 }) {
    const context = await this.browser.newContext({ viewport, baseURL: this.base });
    context.setDefaultTimeout(15_000);
    if (process.env.WEB_CSS)
      await context.route('**/static/app.css', (r) =>
        r.fulfill({ path: process.env.WEB_CSS, contentType: 'text/css; charset=utf-8' }),
      );
    const page = await context.newPage();
    this.pages.push(page);
    page.problems = [];
    page.on('console', (m) => {
      // A page answered with 4xx is logged as "Failed to load resource": the flows check
      // statuses themselves.
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text()))
        page.problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Downloads are "aborted" as far as the page is concerned.
      if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? ''))
        page.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
    });
    return page;
  }

  // Log in through the form; the page is then at `next` (or the home page).
  async login(who, page) {
    page ??= await this.open();
    await page.goto('/login');
    await page.fill('#name', who.name);
    await page.fill('#password', who.password);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.click('button[type=submit]')]);
    return page;
  }

  // Accessibility and reflow of the page as it is now, once per `label`: a check of
  // its own, so one page's fault is named as such.
  async audit(page, label) {
    if (this.audited.has(label)) return;
    this.audited.add(label);
    await this.check(`page ${label}: axe, 640 px and 390 px reflow`, async () => {
      const problems = [...page.problems];
      page.problems.length = 0;
      problems.push(...(await axeProblems(page)));
      const size = page.viewportSize();
      for (const width of [640, 390]) {
        await page.setViewportSize({ width, height: 844 });
        problems.push(...(await sideways(page, width)));
      }
      await page.setViewportSize(size);
      if (problems.length) throw new Error(problems.join('\n'));
    });
  }

  async shot(page, file) {
    await page.screenshot({ path: join(shots, file), fullPage: false });
  }

  // --- flows ---

  async adminFlow() {
    const page = await this.login(PEOPLE.admin);
    await expectHeading(page, 'Home');
    await this.audit(page, '/ (admin)');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/admin/users');
    const names = await page.$$eval('table tbody th[scope=row]', (a) => a.map((t) => t.textContent.trim()));
    for (const p of Object.values(PEOPLE))
      if (!names.includes(p.name)) throw new Error(`/admin/users does not list ${p.name}: ${names}`);
    await this.audit(page, '/admin/users');
    await this.shot(page, 'admin-users.png');
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await page.waitForURL('**/admin/audit');
    const rows = await page.$$eval('table tbody tr', (a) => a.map((r) => r.textContent));
    if (!rows.some((r) => r.includes(PEOPLE.admin.name) && r.includes('login')))
      throw new Error('the audit log does not show the admin logging in');
    if (!rows.some((r) => r.includes('command line') && r.includes(PEOPLE.leader.name)))
      throw new Error('the audit log does not show the accounts added on the command line');
    await this.audit(page, '/admin/audit');
    await page.goto('/account');
    await expectHeading(page, 'Your account');
    await this.audit(page, '/account');
    this.adminPage = page;
  }

  async wrongPasswords() {
    const page = await this.open();
    await page.goto('/login');
    await expectHeading(page, 'Log in');
    await this.audit(page, '/login');
    const attempt = async (who, password) => {
      await page.fill('#name', who.name);
      await page.fill('#password', password);
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        page.click('button[type=submit]'),
      ]);
      await page.waitForLoadState();
      const alert = (await page.locator('[role=alert]').allTextContents()).join(' ');
      return { status: res.status(), alert };
    };
    const first = await attempt(PEOPLE.translator, 'not the password at all');
    if (first.status !== 401 || !/do not match/.test(first.alert))
      throw new Error(`a wrong password gives ${first.status} "${first.alert}"`);
    await this.audit(page, '/login (wrong password)');
    for (let n = 1; n <= 5; n++) {
      const r = await attempt(PEOPLE.spare, `wrong password number ${n}`);
      if (r.status !== 401) throw new Error(`wrong try ${n} gives ${r.status} "${r.alert}"`);
    }
    const sixth = await attempt(PEOPLE.spare, 'wrong password number 6');
    if (sixth.status !== 429 || !/Too many failed attempts/.test(sixth.alert))
      throw new Error(`the 6th wrong try gives ${sixth.status} "${sixth.alert}"`);
    const right = await attempt(PEOPLE.spare, PEOPLE.spare.password);
    if (right.status !== 429) throw new Error(`the right password after 6 wrong tries gives ${right.status}`);
    await this.audit(page, '/login (rate limited)');
    await page.context().close();
  }

  async keyboardLogin() {
    const page = await this.open();
    await page.goto('/login');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement.classList.contains('skip'));
    if (!skip) throw new Error('the first Tab does not reach the skip link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expectFocus(page, '#name');
    await page.keyboard.type(PEOPLE.reviewer.name);
    await page.keyboard.press('Tab');
    await expectFocus(page, '#password');
    await page.keyboard.type(PEOPLE.reviewer.password);
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.keyboard.press('Enter')]);
    await expectHeading(page, 'Home');
    await this.audit(page, '/ (reviewer)');
    await page.context().close();
  }

  async logoutFlow() {
    const page = this.adminPage ?? (await this.login(PEOPLE.admin));
    await page.goto('/admin/users');
    const [cookie] = (await page.context().cookies()).filter((c) => c.httpOnly);
    if (!cookie) throw new Error('no HttpOnly session cookie after logging in');
    if (cookie.sameSite !== 'Strict') throw new Error(`the session cookie is SameSite=${cookie.sameSite}`);
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Log out' }).click()]);
    await page.goBack();
    if (await page.locator('caption', { hasText: 'Accounts' }).count())
      throw new Error('the back button shows the users page after logout');
    await page.reload();
    if (!new URL(page.url()).pathname.startsWith('/login'))
      throw new Error(`reload after logout shows ${page.url()}, not the login page`);
    if (await page.locator('caption', { hasText: 'Accounts' }).count())
      throw new Error('reload after logout shows the users page');
    // The old cookie, put back by hand, is refused: the session ended on the server.
    await page.context().addCookies([cookie]);
    await page.goto('/admin/users');
    if (!new URL(page.url()).pathname.startsWith('/login'))
      throw new Error('the session cookie still works after logout');
    await page.context().close();
  }

  async forbiddenFlow() {
    const page = await this.login(PEOPLE.coord);
    const res = await page.goto('/admin/users');
    if (res.status() !== 403) throw new Error(`/admin/users gives a coordinator ${res.status()}`);
    await expectHeading(page, 'Forbidden');
    if (await page.locator('caption', { hasText: 'Accounts' }).count())
      throw new Error('the 403 page shows the accounts');
    await this.audit(page, '403 page');
    await page.context().close();
  }
}

// --- the kit: coordinator and reviewers ---

Object.assign(Tester.prototype, {
  async coordinatorPicks() {
    const page = await this.login(PEOPLE.coord);
    this.coordPage = page;
    await navigate(page, 'Kit settings', '/kit');
    await this.audit(page, '/kit');
    const kitBefore = readFileSync(join(project, 'kit.toml'), 'utf8');
    // One design alone misses the imagery diversity the kit requires, and a count in
    // words is no count: refused, the kit-wide problem on top, the count's beside its
    // field, nothing written, the choices kept.
    await page.fill('#count-stalls', 'twelve');
    await submit(page, 'Check and save');
    if ((await page.locator('#count-stalls').getAttribute('aria-invalid')) !== 'true')
      throw new Error('the stalls count in words is not marked invalid');
    const said = (await page.locator('#err-count-stalls').textContent().catch(() => ''))?.trim();
    if (!/twelve/.test(said ?? '')) throw new Error(`beside the stalls count: "${said}"`);
    await this.audit(page, '/kit (a field refused)');
    await page.fill('#count-stalls', '12');
    await tick(page, 'design', ['poster']);
    await tick(page, 'locale', ['en', 'es']);
    await submit(page, 'Check and save');
    const top = (await page.locator('#problems').textContent().catch(() => '')) ?? '';
    if (!/diverse/.test(top))
      throw new Error(`a kit with one design is not refused for its imagery: "${top.trim()}"`);
    if (readFileSync(join(project, 'kit.toml'), 'utf8') !== kitBefore)
      throw new Error('kit.toml changed although the form was refused');
    if (!(await page.isChecked('#design-poster')) || (await page.isChecked('#design-tv-slides')))
      throw new Error('the refused form does not keep the choice made');
    await this.audit(page, '/kit (the kit refused)');
    // Two designs that together meet it, and two languages.
    await tick(page, 'design', ['poster', 'window-cling']);
    await tick(page, 'locale', ['en', 'es']);
    await submit(page, 'Check and save');
    const done = await page.locator('.done[role=status]').textContent().catch(() => '');
    if (!/Saved/.test(done ?? '')) throw new Error(`saving a good kit says "${done}"`);
    const kit = readFileSync(join(project, 'kit.toml'), 'utf8');
    if (!/designs = \["poster", "window-cling"\]/.test(kit) || !/locales = \["en", "es"\]/.test(kit))
      throw new Error(`kit.toml does not have the choice:\n${kit.split('\n').filter((l) => /^(designs|locales)/.test(l)).join('\n')}`);
    await this.audit(page, '/kit (saved)');
    await navigate(page, 'Pieces', '/kit/pieces');
    const pieces = await page.locator('li.piece').count();
    if (pieces !== 4) throw new Error(`${pieces} pieces shown, expected 2 designs x 2 languages`);
    await allImagesLoad(page);
    const titles = await page.locator('.piece-title').allTextContents();
    if (!titles.some((t) => /Spanish|Español/.test(t)))
      throw new Error(`no Spanish piece among: ${titles.join('; ')}`);
    await this.audit(page, '/kit/pieces');
    await this.shot(page, 'coordinator-pieces.png');
    await navigate(page, 'Downloads', '/kit/download');
    if (await page.getByRole('link', { name: /final print files/ }).count())
      throw new Error('the final print files are offered before anything is approved');
    await this.audit(page, '/kit/download');
    // Proofs are clearly named so.
    const proofs = await download(page, page.getByRole('link', { name: /Download proofs/ }));
    const names = Object.keys(unzipSync(proofs)).filter((n) => !n.endsWith('/'));
    const bad = names.filter((n) => !n.split('/').pop().startsWith('PROOF-NOT-FOR-PRINT'));
    if (!names.length || bad.length)
      throw new Error(`proof files not named PROOF-NOT-FOR-PRINT: ${bad.slice(0, 3).join(', ')}`);
  },

  async reviewerRequestsChanges() {
    const page = await this.login(PEOPLE.leader);
    this.leaderPage = page;
    await navigate(page, 'Review queue', '/review');
    const waiting = await page.locator('#waiting + ul.queue h3 a').count();
    if (waiting !== 4) throw new Error(`${waiting} pieces waiting for review, expected 4`);
    await allImagesLoad(page);
    await this.audit(page, '/review');
    await Promise.all([
      page.waitForURL('**/review/poster/en'),
      page.locator('a[href="/review/poster/en"]').first().click(),
    ]);
    await allImagesLoad(page);
    await this.audit(page, '/review/{design}/{locale}');
    // Click a spot of the preview: the pin's fields fill in.
    const img = page.locator('[data-pin-surface] img');
    const box = await img.boundingBox();
    await img.click({ position: { x: box.width * 0.5, y: box.height * 0.3 } });
    const x = parseFloat(await page.inputValue('#pin-x'));
    const y = parseFloat(await page.inputValue('#pin-y'));
    if (Math.abs(x - 0.5) > 0.02 || Math.abs(y - 0.3) > 0.02)
      throw new Error(`clicking at (0.5, 0.3) of the preview sets the pin to (${x}, ${y})`);
    await page.fill('#comment-body', 'The local program should be named here.');
    await submit(page, 'Save comment');
    await expectStatus(page);
    if ((await page.locator('svg.overlay a.pin').count()) !== 1)
      throw new Error('the pinned comment does not show as a pin on the preview');
    const comments = (await page.locator('ol.comments').textContent()) ?? '';
    if (!/should be named here/.test(comments) || !/pinned/.test(comments))
      throw new Error(`the comment is not listed as pinned: ${comments.trim().slice(0, 200)}`);
    await this.audit(page, '/review/{design}/{locale} (with a pin)');
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#preview').scrollIntoView());
    await this.shot(page, 'reviewer-piece.png');
    await page.fill('#reason', 'Please add our county program under Local help.');
    await submit(page, 'Request changes');
    await expectStatus(page);
    const history = (await page.locator('ol.history').textContent()) ?? '';
    if (!/Local help/.test(history)) throw new Error(`the request is not in the decisions: ${history}`);
  },

  async keyboardReview() {
    const page = await this.login(PEOPLE.reviewer);
    await page.goto('/review');
    await tabTo(page, 'a[href="/review/window-cling/en"]');
    await Promise.all([page.waitForURL('**/review/window-cling/en'), page.keyboard.press('Enter')]);
    await tabTo(page, '#comment-body');
    await page.keyboard.type('Readable from the chair by the window.');
    await page.keyboard.press('Tab');
    await expectFocus(page, '#pin-x');
    await page.keyboard.type('0.5');
    await page.keyboard.press('Tab');
    await expectFocus(page, '#pin-y');
    await page.keyboard.type('0.2');
    await tabTo(page, 'button[type=submit]', 'Save comment');
    await pressAndLoad(page, 'Enter');
    await expectStatus(page);
    if (!(await page.locator('ol.comments', { hasText: 'by the window' }).count()))
      throw new Error('the comment typed with the keyboard is not listed');
    await tabTo(page, 'button[type=submit]', 'Approve this version');
    await pressAndLoad(page, ' ');
    await expectStatus(page);
    const history = (await page.locator('ol.history').textContent()) ?? '';
    if (!/approve/i.test(history) || !history.includes(PEOPLE.reviewer.name))
      throw new Error(`the approval is not in the decisions: ${history.trim()}`);
    await page.context().close();
  },

  async coordinatorFixes() {
    const page = this.coordPage;
    await navigate(page, 'Kit settings', '/kit');
    await page.fill('#res-0-name', 'Example County Anti-Trafficking Program');
    await page.fill('#res-0-phone', '510-555-0100');
    await page.fill('#res-0-hours', 'Mon-Fri 9-5');
    await submit(page, 'Check and save');
    await expectStatus(page);
    const kit = readFileSync(join(project, 'kit.toml'), 'utf8');
    if (!kit.includes('Example County Anti-Trafficking Program'))
      throw new Error('the local program is not in kit.toml');
    await this.audit(page, '/kit (with a local program)');
  },

  async translatorReviews() {
    const page = await this.login(PEOPLE.translator);
    await navigate(page, 'Translations', '/translate');
    await page.goto('/translate/es');
    await this.audit(page, '/translate/{locale}');
    await page.goto('/translate/es/text-line');
    // A typed number instead of the placeable is refused, with the import's words.
    const esFile = join(project, 'locales/es.ftl');
    const esNow = () => (existsSync(esFile) ? readFileSync(esFile, 'utf8') : '');
    const before = esNow();
    await page.fill('#text', 'O envíe un mensaje de texto al 233733');
    await submit(page, 'Check and save');
    await page.locator('#text-problems').waitFor();
    await this.audit(page, '/translate/{locale}/{id} (refused)');
    if (esNow() !== before)
      throw new Error('a refused edit changed the catalog');
    // The message as it was, marked reviewed.
    await page.goto('/translate/es/rf-debt');
    await page.check('#reviewed');
    await submit(page, 'Check and save');
    await expectStatus(page);
    await this.audit(page, '/translate/{locale} (saved)');
    // The other Spanish strings were reviewed by the same translator offline.
    cli(['approve', '--strings', '--locale', 'es', '--status', 'translator-reviewed', '--by', PEOPLE.translator.name, '--role', 'translator']);
    await page.context().close();
  },

  async staffPosts() {
    const page = await this.login(PEOPLE.staff, await this.open({ width: 390, height: 844 }));
    await navigate(page, 'Posting log', '/postings');
    await page.check('#act-posted');
    await page.selectOption('#design', 'poster');
    await page.selectOption('#locale', 'es');
    await page.fill('#place', "Main lobby, beside the elevators");
    await page.fill('#count', '2');
    await submit(page, 'Record');
    await expectStatus(page);
    await this.audit(page, '/postings');
    await this.shot(page, 'staff-postings.png');
    // Removing more than is up is refused beside the count.
    await page.check('#act-removed');
    await page.selectOption('#design', 'poster');
    await page.selectOption('#locale', 'es');
    await page.fill('#place', 'Main lobby, beside the elevators');
    await page.fill('#count', '5');
    await submit(page, 'Record');
    await page.locator('#count-problem').waitFor();
    await navigate(page, 'Posting report', '/postings/report');
    const text = (await page.locator('main').textContent()) ?? '';
    if (!/Main lobby, beside the elevators/.test(text) || !/approved/.test(text))
      throw new Error(`the report does not list the approved poster posting:\n${text.slice(0, 600)}`);
    await this.audit(page, '/postings/report');
    const csv = cli(['report', '--format', 'csv']);
    if (!csv.includes('Main lobby, beside the elevators'))
      throw new Error(`hotline-kit report does not list it:\n${csv}`);
    await page.context().close();
  },

  async reviewerApproves() {
    const page = this.leaderPage;
    await page.goto('/review/poster/en');
    const why = (await page.locator('ul.why').first().textContent()) ?? '';
    await submit(page, 'Approve this version');
    await expectStatus(page);
    // Everything still waiting (the Spanish pieces, and any approved piece the
    // change touched) is approved too; a changed piece shows what changed first.
    for (let round = 0; round < 6; round++) {
      await page.goto('/review');
      const links = await page.locator('#waiting + ul.queue h3 a').evaluateAll((a) =>
        a.map((e) => e.getAttribute('href')),
      );
      if (!links.length) break;
      await page.goto(links[0]);
      if (links[0] === '/review/window-cling/en' && (await page.locator('#changes').count()))
        await this.audit(page, '/review/{design}/{locale} (changed since approval)');
      await submit(page, 'Approve this version');
      await expectStatus(page);
    }
    await page.goto('/review');
    const left = await page.locator('#waiting + ul.queue h3 a').count();
    if (left) throw new Error(`${left} pieces still waiting after approving every one (${why.trim()})`);
    const status = cli(['status']);
    if (!/4 of 4 pieces are approved/.test(status))
      throw new Error(`hotline-kit status does not agree:\n${status.split('\n').slice(-6).join('\n')}`);
    await page.context().close();
  },

  async finalZip() {
    const page = this.coordPage;
    await navigate(page, 'Downloads', '/kit/download');
    const bytes = await download(page, page.getByRole('link', { name: /final print files/ }));
    const zipped = unzipSync(bytes);
    const out = join(work, 'final');
    cli(['build', '--final', '--out', out]);
    const built = listFiles(out);
    const inZip = Object.keys(zipped).filter((n) => !n.endsWith('/')).sort();
    if (inZip.join('\n') !== built.join('\n'))
      throw new Error(`the zip has\n  ${inZip.join(' ')}\nbuild --final wrote\n  ${built.join(' ')}`);
    const differ = built.filter((f) => !Buffer.from(zipped[f]).equals(readFileSync(join(out, f))));
    if (differ.length) throw new Error(`these files differ from build --final: ${differ.join(', ')}`);
    if (!built.some((f) => f.endsWith('.pdf'))) throw new Error('the final zip has no PDF');
    await this.audit(page, '/kit/download (all approved)');
    console.log(`     final zip: ${built.length} files, byte for byte as build --final`);
  },
});

// --- page helpers ---

// Follow a link of the main navigation.
async function navigate(page, label, path) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === path),
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click(),
  ]);
}

// Tick exactly these values among the checkboxes called `name`.
async function tick(page, name, values) {
  for (const box of await page.locator(`input[type=checkbox][name="${name}"]`).all())
    await box.setChecked(values.includes(await box.getAttribute('value')));
}

// Press the submit button with this text and wait for the page that answers.
async function submit(page, text) {
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.getByRole('button', { name: text, exact: true }).click(),
  ]);
  await page.waitForLoadState();
}

// Press a key that sends a form; wait for the page that answers.
async function pressAndLoad(page, key) {
  await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press(key)]);
  await page.waitForLoadState();
}

// The page says a change was made (role=status) and shows no problem (role=alert).
async function expectStatus(page) {
  const alert = await page.locator('[role=alert]').allTextContents();
  if (alert.length) throw new Error(`the page says: ${alert.join(' ').trim().slice(0, 400)}`);
  if (!(await page.locator('[role=status]').count()))
    throw new Error(`no confirmation on ${page.url()}`);
}

// Every image on the page has loaded (lazy ones are scrolled into view first).
async function allImagesLoad(page) {
  for (const img of await page.locator('img').all()) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((i) => (i.complete ? null : new Promise((ok) => (i.onload = i.onerror = ok))));
    const w = await img.evaluate((i) => i.naturalWidth);
    if (!w) throw new Error(`an image did not load: ${await img.getAttribute('src')}`);
  }
  await page.evaluate(() => scrollTo(0, 0));
}

// Click a download link; the file's bytes.
async function download(page, link) {
  const [d] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await d.failure();
  if (failure) throw new Error(`download of ${d.url()} failed: ${failure}`);
  return readFileSync(await d.path());
}

// Press Tab until the focus is on `selector` (with this text, if given), at most 120
// times; the focused element must show a focus outline.
async function tabTo(page, selector, text) {
  for (let n = 0; n < 120; n++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(
      ([s, t]) => {
        const a = document.activeElement;
        if (!a || !a.matches(s) || (t && a.textContent.trim() !== t)) return null;
        const st = getComputedStyle(a);
        return { outline: st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 };
      },
      [selector, text ?? ''],
    );
    if (at) {
      if (!at.outline) throw new Error(`${selector} ${text ?? ''} has no visible focus outline`);
      return;
    }
  }
  throw new Error(`Tab never reaches ${selector} ${text ?? ''} on ${page.url()}`);
}

// Files under `dir`, relative, with '/', sorted.
function listFiles(dir, sub = '') {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(sub, e.name)) : [join(sub, e.name)]))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

async function expectHeading(page, text) {
  const h1 = (await page.locator('h1').first().textContent())?.trim();
  if (h1 !== text) throw new Error(`expected the page "${text}", got "${h1}" at ${page.url()}`);
}

async function expectFocus(page, selector) {
  const ok = await page.evaluate((s) => document.activeElement?.matches(s), selector);
  if (!ok) {
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    throw new Error(`focus is on ${at}, not ${selector}`);
  }
}

// axe-core's serious and critical violations on the page, one line per element.
async function axeProblems(page) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  });
  return found.map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.join('; ')})`);
}

// Sideways scrolling at this width: the page, or an element sticking out past the
// window (tables may scroll inside their .table-scroll box).
async function sideways(page, width) {
  const o = await page.evaluate(() => {
    const d = document.documentElement;
    const name = (e) => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}`;
    const out = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > d.clientWidth + 1,
    );
    const wide = out
      .filter((e) => !e.closest('.table-scroll, .scroll, .visually-hidden, .skip'))
      .slice(0, 3)
      .map(name);
    // When the page scrolls but only hidden or scrolled things stick out, name those.
    if (d.scrollWidth > d.clientWidth && !wide.length) wide.push(...out.slice(-3).map(name));
    return { scroll: d.scrollWidth, client: d.clientWidth, wide };
  });
  if (o.scroll > o.client || o.wide.length)
    return [
      `at ${width} px the page scrolls sideways: ${o.scroll} > ${o.client}` +
        (o.wide.length ? `; too wide: ${o.wide.join(', ')}` : ''),
    ];
  return [];
}

// Classes are not hoisted: the run starts here, after every definition.
await main();

async function main() {
  try {
    setUp();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port, base);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      // The flags of check.mjs. chromium.launch (not a persistent context) so that each
      // person has a context of their own (own cookies) in one fresh, empty profile.
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
    });
    const t = new Tester(browser, base);
    await t.run();
  } catch (e) {
    failed++;
    console.log(`FAIL setting up: ${e.message}`);
    if (serverLog) console.log(`server said:\n${serverLog}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer();
    if (process.env.WEB_KEEP) console.log(`facility folder kept: ${project}`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log(`screenshots in ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  // exitCode, not exit(): a piped stdout is written out in full first.
  process.exitCode = failed ? 1 : 0;
}
