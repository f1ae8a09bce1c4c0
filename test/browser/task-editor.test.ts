// The custom-task editor in a real browser: the instructor writes a task, saves it, presses
// "Try it on my cluster" and sees each condition fail on their fresh cluster, builds the state
// (commands through the exec API, as the terminal would send them) and sees it pass, all without
// leaving the page; a mistake in the checks is shown beside the field with its line. Screenshots
// are saved and axe-core finds no serious violation. Skips like the other browser tests without
// Chromium.
import type { Page } from 'playwright-core';
import { EXAMPLE_SOLUTION, EXAMPLE_TASK } from '../../apps/server/src/instructor/task-example';
import { type BrowserRig, describeBrowser, expectAccessible, screenshot, signIn, startRig, teacherClassroom, waitForText } from './harness';

jest.setTimeout(120_000);

describeBrowser('the custom-task editor in a browser', () => {
  let rig: BrowserRig;
  let roomId: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ id: roomId } = await teacherClassroom(rig, 'CKA prep'));
  });
  afterAll(async () => rig?.close());

  async function exec(page: Page, clusterId: string, command: string): Promise<number> {
    return page.evaluate(
      async ([id, line]) => {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        const r = await fetch(`/api/v1/clusters/${id}/exec`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ command: line }) });
        return ((await r.json()) as { exitCode: number }).exitCode;
      },
      [clusterId, command] as const,
    );
  }

  it('writes a task, tries it on the instructor’s cluster and sees it fail, then pass', async () => {
    const ctx = await rig.context(1280);
    const page = await ctx.newPage();
    await signIn(page);

    // from the class view to the custom tasks
    await page.goto(`/classrooms/${roomId}/class`);
    await page.getByTestId('instructor-nav').getByRole('link', { name: 'Tareas propias' }).click();
    await page.getByTestId('no-tasks').waitFor();
    await expectAccessible(page, 'task-list-empty');

    // the instructor writes a task of their own
    await page.getByTestId('new-task').click();
    await page.getByLabel('Título').fill('web (CKA)');
    await page.getByLabel('Enunciado en español (markdown)').fill(EXAMPLE_TASK.descriptionEs);
    await page.getByLabel('Enunciado en inglés (markdown)').fill(EXAMPLE_TASK.descriptionEn);
    // a slip first: the mistake is told beside the checks, with its line, and nothing is saved
    await page.getByLabel('Comprobaciones (YAML o JSON)').fill('- type: exists\n  resource: deployments\n  nmae: web\n');
    await page.getByTestId('save-task').click();
    await waitForText(page, '[data-testid="errors-checks"]', 'línea 3 · checks.0.nmae: Campo desconocido «nmae»');
    expect(await page.getByLabel('Comprobaciones (YAML o JSON)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Comprobaciones (YAML o JSON)').fill(EXAMPLE_TASK.checks);
    await page.getByTestId('save-task').click();
    await page.getByTestId('task-notice').waitFor();
    expect(await page.getByTestId('task-notice').textContent()).toContain('Guardada.');

    // a mistake while trying is shown in place too (the script, no reload)
    await page.getByLabel('Comprobaciones (YAML o JSON)').fill('- type: exist\n  resource: pods\n');
    await page.getByTestId('try-task').click();
    await waitForText(page, '[data-testid="errors-checks"]', 'línea 1: Tipo de condición desconocido «exist»');
    await page.getByLabel('Comprobaciones (YAML o JSON)').fill(EXAMPLE_TASK.checks);

    // tried on a fresh cluster of the instructor's: each condition fails with expected/found
    const url = page.url();
    await page.getByTestId('try-task').click();
    await waitForText(page, '[data-testid="trial-verdict"]', 'No superada');
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('errors-checks').isHidden()).toBe(true);
    const first = await page.getByTestId('trial-condition').first().textContent();
    expect(first).toMatch(/1\. deployment · No se cumple:\s*Esperado: que exista .*; Encontrado: ninguno/);
    expect(await page.getByTestId('trial-condition').count()).toBe(5);
    const href = await page.getByTestId('open-terminal').getAttribute('href');
    const clusterId = href!.replace('/clusters/', '');
    await expectAccessible(page, 'task-editor-failed');

    // the instructor builds the state on their cluster and tries again
    for (const command of EXAMPLE_SOLUTION) expect(await exec(page, clusterId, command)).toBe(0);
    await rig.advance(120);
    await page.getByTestId('try-task').click();
    await waitForText(page, '[data-testid="trial-verdict"]', 'Superada · Puntuación: 100 %');
    expect(await page.locator('[data-testid="trial-condition"][data-passed="false"]').count()).toBe(0);
    await expectAccessible(page, 'task-editor-passed');

    // the terminal link opens the instructor's own cluster
    await page.getByTestId('open-terminal').click();
    await page.waitForURL(`**/clusters/${clusterId}`);
    await ctx.close();
  });

  it('works without JavaScript: the example, tried by a plain form post', async () => {
    const ctx = await rig.browser.newContext({ baseURL: rig.base, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page);
    await page.goto(`/classrooms/${roomId}/tasks`);
    await page.getByTestId('example-task').click();
    expect(await page.getByLabel('Título').inputValue()).toBe('web (CKA)');
    await page.getByTestId('try-task').click();
    await page.waitForURL(`**/classrooms/${roomId}/tasks/try`);
    // the state built in the first test is still there: the example passes, unsaved
    expect(await page.getByTestId('trial-verdict').textContent()).toContain('Superada');
    expect(await page.getByLabel('Título').inputValue()).toBe('web (CKA)');
    // axe runs in the page's JavaScript, which is off here: the same page was checked with it above
    await screenshot(page, 'task-editor-nojs');
    await ctx.close();
  });
});
