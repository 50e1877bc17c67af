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
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

// --- page helpers ---

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
