// A student in a real browser: signs up, joins a classroom, opens their cluster, types a command
// in the terminal and sees the pod appear in the live table and turn Running as the server's
// virtual clock moves on. Every page passes an axe-core scan (no serious violation).
import { describeBrowser, expectAccessible, screenshot, signUp, startRig, teacherClassroom, waitForAny, waitForText, type BrowserRig } from './harness';

jest.setTimeout(120_000);

describeBrowser('the cluster page in a browser', () => {
  let rig: BrowserRig;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ joinCode } = await teacherClassroom(rig, 'Evening class'));
  });
  afterAll(async () => rig?.close());

  it('sign up, join, run a pod from the terminal, watch it turn Running', async () => {
    const ctx = await rig.context(1280);
    const page = await ctx.newPage();
    await page.goto('/signup');
    await expectAccessible(page, 'signup');
    await signUp(page, 'lucia');
    await expectAccessible(page, 'classrooms');
    await page.getByLabel(/join code|código/i).fill(joinCode);
    await page.getByRole('button', { name: /^join$|^unirse$/i }).click();
    await page.waitForURL('**/classrooms');
    await page.locator('a[href^="/clusters/"]').first().click();
    await page.waitForURL('**/clusters/*');
    await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await waitForText(page, '#terminal', '$');
    await expectAccessible(page, 'cluster');

    await page.locator('#terminal').click();
    await page.keyboard.type('kubectl run nginx --image=nginx');
    await page.keyboard.press('Enter');
    await waitForText(page, '#terminal', 'pod/nginx created');
    const row = page.locator('#objects tr', { hasText: 'nginx' }).filter({ hasText: 'Pod' });
    await row.first().waitFor();
    expect(await row.first().textContent()).not.toContain('Running'); // the clock has not moved yet
    await rig.advance(60);
    await waitForAny(page, '#objects tr', ['Pod', 'nginx', 'Running']);
    await screenshot(page, 'cluster-running');
    await ctx.close();
  });
});
