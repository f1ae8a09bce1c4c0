// The course in a real browser (issue 5's acceptance): a student signs up, joins a classroom,
// opens the pods lesson, runs `kubectl run nginx --image=nginx` in the terminal, sees the pod
// appear in the live picture and turn Running as the server's virtual clock moves, presses Check
// and sees it pass, then switches the page to Spanish. The same at 1280 and at 390 px; every page
// passes an axe-core scan, in light and dark mode; screenshots are saved under test-results/screenshots/.
import { describeBrowser, expectAccessible as accessible, screenshot, signUp, startRig, teacherClassroom, waitForText, type BrowserRig } from './harness';

jest.setTimeout(180_000);

describeBrowser('the pods lesson in a browser', () => {
  let rig: BrowserRig;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ joinCode } = await teacherClassroom(rig, 'Kubernetes 101'));
  });
  afterAll(async () => rig?.close());

  it.each([
    [1280, 'wide'],
    [390, 'narrow'],
  ])('at %i px: run a pod, watch it turn Running, Check passes, switch to Spanish', async (width, tag) => {
    const ctx = await rig.context(width);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // sign up and join (visitors get the browser's language: English here)
    await signUp(page, `student-${tag}`);
    // a new account speaks Spanish; this student prefers English
    await page.locator('#lang-en').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'en');
    await page.getByLabel(/join code/i).fill(joinCode);
    await page.getByRole('button', { name: /^join$/i }).click();
    await page.waitForURL('**/classrooms');
    await accessible(page, `${tag}-classrooms`);

    await page.locator('[data-testid=lessons-link]').first().click();
    await page.locator('#lesson-list').waitFor();
    await accessible(page, `${tag}-lessons`);
    await page.locator('[data-testid=lesson-card][data-lesson-id=pods] [data-testid=lesson-action]').click();
    await page.locator('#start-lesson').click();
    await page.locator('#lesson[data-status]').waitFor();
    const terminal = page.locator('#terminal[data-state="idle"]');
    await terminal.waitFor();
    await terminal.scrollIntoViewIfNeeded();
    await accessible(page, `${tag}-lesson`);

    await terminal.click();
    await page.keyboard.type('kubectl run nginx --image=nginx');
    await page.keyboard.press('Enter');
    await waitForText(page, '#terminal', 'pod/nginx created');
    const pod = page.locator('[data-testid=pod][data-pod-name=nginx]');
    await pod.waitFor();
    expect(await pod.getAttribute('data-phase')).not.toBe('Running'); // the clock has not moved yet
    await rig.advance(60);
    await page.locator('[data-testid=pod][data-pod-name=nginx][data-phase=Running]').waitFor();
    await pod.scrollIntoViewIfNeeded();
    await screenshot(page, `${tag}-pod-running`);

    await page.locator('#check-first-pod').scrollIntoViewIfNeeded();
    await page.locator('#check-first-pod').click();
    const verdict = page.locator('#check-result-first-pod [data-testid=check-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-passed')).toBe('true');
    expect(await verdict.textContent()).toMatch(/passed.*100%/i);
    await accessible(page, `${tag}-checked`);

    // Spanish: kubeaula's words change, kubectl's output stays English
    await page.locator('#lang-es').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'es');
    expect(await page.locator('#check-first-pod').textContent()).toMatch(/Comprobar/i);
    expect(await page.locator('[data-testid=pod][data-pod-name=nginx]').getAttribute('data-status')).toBe('Running');
    await accessible(page, `${tag}-spanish`);

    // dark mode, remembered: readable (axe checks the contrast) after a reload too
    await page.locator('#theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.locator('#terminal[data-state="idle"]').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await accessible(page, `${tag}-dark`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
