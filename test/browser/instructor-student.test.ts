// The instructor's student page in a real browser, live: the student types in their terminal (a
// browser profile of their own), and the instructor's page, never reloaded, shows the input on
// the timeline and the pod in the picture, then Running as the server's clock moves on; looking
// at a past point, a new input is appended without moving the view, and "back to now" follows
// the cluster again; a check of the student's redraws the checks. A screenshot is saved and
// axe-core finds no serious violation.
import { type BrowserRig, describeBrowser, expectAccessible, signIn, signUp, startRig, teacherClassroom, waitForAny, waitForText } from './harness';

jest.setTimeout(120_000);

describeBrowser("the instructor's student page in a browser", () => {
  let rig: BrowserRig;
  let roomId: string;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ id: roomId, joinCode } = await teacherClassroom(rig, 'Evening class'));
  });
  afterAll(async () => rig?.close());

  it('shows what the student types, and its pod turning Running, without a reload', async () => {
    // the student: signs up, joins, opens the cluster's terminal
    const student = await rig.context(1280);
    const sp = await student.newPage();
    await signUp(sp, 'lucia');
    await sp.getByLabel(/join code|código/i).fill(joinCode);
    await sp.getByRole('button', { name: /^join$|^unirse$/i }).click();
    await sp.waitForURL('**/classrooms');
    const userId = await sp.evaluate(async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: { id: string } }).user.id);
    await sp.locator('a[href^="/clusters/"]').first().click();
    await sp.waitForURL('**/clusters/*');
    await sp.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await waitForText(sp, '#terminal', '$');
    const type = async (line: string, echo: string) => {
      await sp.locator('#terminal').click();
      await sp.keyboard.type(line);
      await sp.keyboard.press('Enter');
      await waitForText(sp, '#terminal', echo);
    };

    // the instructor (in Spanish, the default) opens the student's page before anything happened
    const teacher = await rig.context(1280);
    const tp = await teacher.newPage();
    await signIn(tp);
    await tp.goto(`/classrooms/${roomId}/students/${userId}`);
    await waitForText(tp, '#is-live', 'Se actualiza en vivo.');
    await tp.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await tp.locator('#is-timeline li.is-input').count()).toBe(0);

    await type('kubectl run nginx --image=nginx', 'pod/nginx created');
    await waitForAny(tp, '#is-timeline li.is-input', ['#1', 'web', 'kubectl run nginx --image=nginx']);
    await tp.locator('#is-state-picture li.pod[data-pod-name="nginx"]').waitFor();
    expect(await tp.locator('#is-state-picture li.pod[data-pod-name="nginx"]').textContent()).not.toContain('Running');
    await rig.advance(60);
    await waitForAny(tp, '#is-state-picture li.pod[data-pod-name="nginx"]', ['Running']);
    await waitForAny(tp, '#is-pods', ['nginx', 'Running']);
    await waitForAny(tp, '#is-timeline li.is-transition', ['pods', 'nginx', 'Running']);
    expect(await tp.locator('#is-state-title').textContent()).toMatch(/^El clúster ahora \(/);
    expect(await tp.locator('#is-scrub').inputValue()).toBe('1');

    // at a past point, a new input is appended but the view stays there
    await tp.locator('#is-timeline li.is-input[data-seq="1"]').click();
    await waitForText(tp, '#is-state-title', 'El clúster tras la entrada 1');
    await type('kubectl run second --image=nginx', 'pod/second created');
    await waitForAny(tp, '#is-timeline li.is-input', ['#2', 'kubectl run second --image=nginx']);
    await waitForText(tp, '#is-new-count', '1 entrada nueva desde este punto.');
    expect(await tp.locator('#is-state-title').textContent()).toContain('El clúster tras la entrada 1');
    expect(await tp.locator('#is-pods').textContent()).not.toContain('second');
    expect(await tp.locator('#is-scrub').inputValue()).toBe('1');
    expect(await tp.locator('#is-scrub').getAttribute('max')).toBe('2');
    await expectAccessible(tp, 'instructor-student-live-past');
    await tp.getByRole('button', { name: 'Volver a ahora' }).click();
    await waitForText(tp, '#is-pods', 'second');
    expect(await tp.locator('#is-state-title').textContent()).toMatch(/^El clúster ahora \(/);
    expect(await tp.locator('#is-new-count').textContent()).toBe('');
    expect(await tp.locator('#is-back-now').isHidden()).toBe(true);
    expect(await tp.locator('#is-scrub').inputValue()).toBe('2');
    expect(await tp.locator('.is-clusters [data-cluster-version]').textContent()).toBe('v2');

    // the student checks a step: the checks are redrawn
    expect(await tp.locator('#is-checks').textContent()).toContain('Aún no hay comprobaciones.');
    const post = (url: string) =>
      sp.evaluate(async (u) => {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        return (await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: '{}' })).status;
      }, url);
    expect(await post(`/api/v1/classrooms/${roomId}/lessons/pods/start`)).toBeLessThan(300);
    expect(await post(`/api/v1/classrooms/${roomId}/lessons/pods/steps/first-pod/check`)).toBe(200);
    await tp.locator('#is-checks table.is-checks tr.iv-passed').first().waitFor();
    expect(await tp.locator('#is-checks tbody th').first().textContent()).toMatch(/Superado · 1$/);
    expect(await tp.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expectAccessible(tp, 'instructor-student-live');
    await student.close();
    await teacher.close();
  });
});
