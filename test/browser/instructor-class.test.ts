// The class view in a real browser: the instructor's page updates live when a student's check
// passes (the student acting in another browser profile's session); a screenshot is saved and
// axe-core finds no serious violation. Skips like the other browser tests without Chromium.
import { type BrowserRig, computedStyle, describeBrowser, expectAccessible, signIn, signUp, startRig, teacherClassroom } from './harness';

jest.setTimeout(120_000);

describeBrowser('the class view in a browser', () => {
  let rig: BrowserRig;
  let roomId: string;
  let joinCode: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ id: roomId, joinCode } = await teacherClassroom(rig, 'Evening class'));
  });
  afterAll(async () => rig?.close());

  it('shows a student’s step turning passed without a reload', async () => {
    // the student, in a profile of their own: signs up, joins, starts the pods lesson
    const student = await rig.context(1280);
    const sp = await student.newPage();
    await signUp(sp, 'lucia');
    const api = async (method: 'GET' | 'POST', url: string, body?: object) => {
      const csrf = await sp.evaluate(async () => ((await (await fetch('/api/v1/auth/csrf')).json()) as { token: string }).token);
      return sp.evaluate(
        async ([m, u, b, t]) => {
          const r = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': t as string }, body: m === 'GET' ? undefined : JSON.stringify(b ?? {}) });
          return { status: r.status, body: (await r.json()) as Record<string, unknown> };
        },
        [method, url, body, csrf],
      );
    };
    expect((await api('POST', '/api/v1/classrooms/join', { code: joinCode })).status).toBe(200);
    expect((await api('POST', `/api/v1/classrooms/${roomId}/lessons/pods/start`)).status).toBeLessThan(300);

    // the instructor's class view
    const teacher = await rig.context(1280);
    const tp = await teacher.newPage();
    await signIn(tp);
    await tp.goto(`/classrooms/${roomId}/class`);
    await tp.locator('#iv-lesson option[value="pods"]').waitFor({ state: 'attached' });
    await tp.selectOption('#iv-lesson', 'pods');
    const cell = tp.locator('#iv-grid tbody tr', { hasText: 'lucia' }).locator('td.iv-cell').first();
    await cell.waitFor();
    expect(await cell.getAttribute('class')).not.toContain('iv-passed');

    // the student's check passes
    const clusters = (await api('GET', '/api/v1/clusters')).body as unknown as { id: string; purpose: string }[];
    const course = clusters.find((c) => c.purpose === 'course')!.id;
    expect((await api('POST', `/api/v1/clusters/${course}/exec`, { command: 'kubectl run nginx --image=nginx' })).status).toBe(200);
    await rig.advance(60);
    const check = await api('POST', `/api/v1/classrooms/${roomId}/lessons/pods/steps/first-pod/check`);
    expect(check.body.passed).toBe(true);
    // no reload: the page fetches again when the socket says the student changed (a check's progress is pushed too,
    // test/e2e/instructor-class.test.ts proves it) and every 10 s, so this passes by either way
    await tp.locator('#iv-grid tbody tr', { hasText: 'lucia' }).locator('td.iv-passed').first().waitFor({ timeout: 25_000 });
    await expectAccessible(tp, 'instructor-class');
    // the grid follows the dashboard's theme switch (not only the system's preference): axe checks the contrast
    const passed = tp.locator('#iv-grid td.iv-passed').first();
    const light = (await computedStyle(passed, 'backgroundColor'))[0];
    await tp.locator('#theme-toggle').click();
    expect(await tp.locator('html').getAttribute('data-theme')).toBe('dark');
    expect((await computedStyle(passed, 'backgroundColor'))[0]).not.toBe(light);
    await expectAccessible(tp, 'instructor-class-dark');
    await student.close();
    await teacher.close();
  });
});
