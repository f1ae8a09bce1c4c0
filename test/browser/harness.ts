// Browser tests: Debian's chromium driven by playwright-core against the real app (in this
// process, listening on a loopback port, on a temporary SQLite file with the virtual clock).
// Where no chromium is installed (a fresh clone), the tests skip with a notice; CI installs it
// and sets KUBEAULA_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { bootApp, type Harness } from '../e2e/app-harness';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClassroomsService } from '../../apps/server/src/classrooms/classrooms.service';
import { projectPath } from '../../apps/server/src/config/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe` when a browser can run here, else a skipped block that says why. */
export function describeBrowser(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) return describe(name, fn);
  if (process.env.KUBEAULA_REQUIRE_BROWSER === '1') throw new Error(`browser tests required, but ${CHROMIUM} is missing (apt-get install chromium)`);
  console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`);
  describe.skip(name, fn);
}

export interface BrowserRig {
  h: Harness;
  base: string;
  browser: Browser;
  /** A fresh browser profile (its own cookies) at a viewport width. */
  context(width?: number): Promise<BrowserContext>;
  /** Moves the server's virtual clock on. */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(env: Record<string, string> = {}): Promise<BrowserRig> {
  const h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000', ...env });
  await h.app.listen(0, '127.0.0.1');
  const { port } = h.app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    h,
    base,
    browser,
    context: (width = 1280) => browser.newContext({ baseURL: base, viewport: { width, height: width < 600 ? 844 : 900 } }),
    async advance(seconds) {
      const res = await fetch(`${base}/api/v1/test/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds }) });
      if (!res.ok) throw new Error(`clock advance: ${res.status} ${await res.text()}`);
    },
    async close() {
      await browser.close();
      await h.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
    },
  };
}

/** The instructor `teacher` (password123) and a classroom of theirs, for the students to join. */
export async function teacherClassroom(rig: BrowserRig, name: string): Promise<{ id: string; joinCode: string }> {
  const teacher = await rig.h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  const room = await rig.h.app.get(ClassroomsService).create(teacher, name);
  return { id: room.id, joinCode: room.joinCode! };
}

/** Signs a new student up through the form (password123), in English or Spanish; ends on /classrooms. */
export async function signUp(page: Page, username: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel(/^username|^usuario/i).fill(username);
  await page.getByLabel(/^password|^contraseña/i).fill('password123');
  await page.getByRole('button', { name: /create account|crear cuenta/i }).click();
  await page.waitForURL('**/classrooms');
}

/** Signs an existing account in through the form (the instructor `teacher` by default); ends off /signin. */
export async function signIn(page: Page, username = 'teacher', password = 'password123'): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel(/username|usuario/i).fill(username);
  await page.getByLabel(/password|contraseña/i).fill(password);
  await page.getByRole('button', { name: /sign in|entrar/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** Computed style values (`backgroundColor`, `color`...) of the element a locator finds (tsconfig has no DOM types). */
export async function computedStyle(locator: Locator, ...props: string[]): Promise<string[]> {
  return locator.evaluate((el, names) => {
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el);
    return names.map((n) => style[n]);
  }, props);
}

const SHOTS = projectPath('test-results', 'screenshots');

/** Saves a full-page screenshot for review under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

// The page's own globals, for functions evaluated in the page (the project compiles without the DOM lib).
declare const document: { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> };

/** Waits until the element matching `selector` contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(([sel, t]) => (document.querySelector(sel)?.textContent ?? '').includes(t), [selector, text] as const, { timeout });
}

/** Waits until some element matching `selector` contains every one of `texts`. */
export async function waitForAny(page: Page, selector: string, texts: string[], timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([sel, ts]) => Array.from(document.querySelectorAll(sel)).some((e) => ts.every((t) => (e.textContent ?? '').includes(t))),
    [selector, texts] as const,
    { timeout },
  );
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP, which
 * forbids inline scripts, does not stand in the way) and returns the serious and critical
 * violations, WCAG 2 A and AA rules.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a screenshot of the page and fails on any serious axe-core violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(explain(await seriousViolations(page))).toBe('');
}

/** Readable failure text for a list of violations. */
export function explain(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.html}`).join('\n  ')}`).join('\n');
}
