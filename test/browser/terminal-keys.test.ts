// The terminal as a student uses it, in a real browser: Tab completion from the server, history
// with the Up arrow, and the screen-reader mode (commands in a plain input, output as text in a
// live region). Ctrl+C's interrupt is tested over the socket in test/e2e/terminal.test.ts: under
// the virtual clock a waiting command may end before a browser could press it.
import { describeBrowser, expectAccessible, signUp, startRig, teacherClassroom, waitForText, type BrowserRig } from './harness';

jest.setTimeout(180_000);

describeBrowser('the terminal in a browser', () => {
  let rig: BrowserRig;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ joinCode } = await teacherClassroom(rig, 'Terminal class'));
  });
  afterAll(async () => rig?.close());

  it('completes with Tab, recalls with Up, and reads out in screen-reader mode', async () => {
    const ctx = await rig.context(1280);
    const page = await ctx.newPage();
    await signUp(page, 'term');
    await page.locator('input[name=code]').fill(joinCode);
    await page.locator('input[name=code]').press('Enter');
    await page.locator('a[href^="/clusters/"]').first().waitFor();
    await page.locator('a[href^="/clusters/"]').first().click();
    const terminal = page.locator('#terminal[data-state="idle"]');
    await terminal.waitFor();
    await terminal.click();

    // Tab: the server completes the resource type
    await page.keyboard.type('kubectl get nod');
    await page.keyboard.press('Tab');
    await waitForText(page, '#terminal', 'kubectl get nodes');
    await page.keyboard.press('Enter');
    await waitForText(page, '#terminal', 'control-plane');

    // Up: the last command comes back
    await page.locator('#terminal[data-state="idle"]').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type(' -o name');
    await page.keyboard.press('Enter');
    await waitForText(page, '#terminal', 'node/node2');

    // the screen-reader mode: a labelled input, the output as text
    await page.locator('#sr-mode').check();
    const line = page.locator('#terminal-line');
    await line.waitFor({ state: 'visible' });
    await line.fill('kubectl get ns default');
    await line.press('Enter');
    await waitForText(page, '#terminal-sr', 'default   Active');
    expect(await page.locator('#terminal-sr').getAttribute('aria-live')).toBeTruthy();
    await expectAccessible(page, 'terminal-sr-mode');
    await ctx.close();
  });
});
