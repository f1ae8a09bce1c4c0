// The dashboard with the keyboard alone: sign up, join, start the pods lesson, type a command in
// the terminal, leave it with Tab, and press Check, without a single click.
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, startRig, teacherClassroom, waitForText, type BrowserRig } from './harness';

jest.setTimeout(180_000);

// the page's globals, for the functions evaluated in it (the project compiles without the DOM lib)
declare const document: { activeElement: { matches(s: string): boolean } | null };

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, backwards = false, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} cannot be reached with ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

describeBrowser('the dashboard by keyboard', () => {
  let rig: BrowserRig;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ joinCode } = await teacherClassroom(rig, 'Keyboard class'));
  });
  afterAll(async () => rig?.close());

  it('signs up, joins, starts a lesson, runs a command and checks the step with the keyboard only', async () => {
    const ctx = await rig.context(1280);
    const page = await ctx.newPage();
    await page.goto('/signup');
    await tabTo(page, 'input[name=username]');
    await page.keyboard.type('kbd');
    await tabTo(page, 'input[name=password]');
    await page.keyboard.type('password123');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/classrooms');

    await tabTo(page, 'input[name=code]');
    await page.keyboard.type(joinCode);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=lessons-link]').waitFor();
    await page.waitForLoadState();
    await tabTo(page, '[data-testid=lessons-link]');
    await page.keyboard.press('Enter');
    await page.locator('#lesson-list').waitFor();
    await page.waitForLoadState();
    await tabTo(page, '[data-lesson-id=pods] [data-testid=lesson-action]');
    await page.keyboard.press('Enter');
    await page.locator('#start-lesson').waitFor();
    await page.waitForLoadState();
    await tabTo(page, '#start-lesson');
    await page.keyboard.press('Enter');
    await page.locator('#terminal[data-state="idle"]').waitFor();

    // into the terminal, a command, and out again with Tab on the empty line
    await tabTo(page, '#terminal .xterm-helper-textarea');
    await page.keyboard.type('kubectl run nginx --image=nginx');
    await page.keyboard.press('Enter');
    await waitForText(page, '#terminal', 'pod/nginx created');
    await page.locator('#terminal[data-state="idle"]').waitFor();
    await rig.advance(60);
    await page.locator('[data-testid=pod][data-pod-name=nginx][data-phase=Running]').waitFor();
    await tabTo(page, '#check-first-pod', true);
    await page.keyboard.press('Enter');
    const verdict = page.locator('#check-result-first-pod [data-testid=check-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-passed')).toBe('true');
    await screenshot(page, 'keyboard-checked');
    await ctx.close();
  });
});
