// The classroom settings page in a real browser: the instructor attaches a Discord server and a
// channel with the plain form (no scripts needed), sees it saved, and a bad id refused in their
// language; a screenshot is saved and axe-core finds no serious violation, in both states.
import { type BrowserRig, describeBrowser, expectAccessible, signIn, startRig, teacherClassroom } from './harness';

jest.setTimeout(120_000);

describeBrowser('the classroom settings page in a browser', () => {
  let rig: BrowserRig;
  let roomId: string;
  beforeAll(async () => {
    rig = await startRig();
    ({ id: roomId } = await teacherClassroom(rig, 'Morning class'));
  });
  afterAll(async () => rig?.close());

  it('attaches a Discord server and a channel through the form', async () => {
    const context = await rig.context(390);
    const page = await context.newPage();
    await signIn(page);
    await page.getByTestId('settings-link').click();
    await page.waitForURL((u) => u.pathname === `/classrooms/${roomId}/settings`);
    await page.getByLabel(/ID del servidor/).fill('1234');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Un ID de Discord tiene de 17 a 20 cifras.' }).waitFor();
    await expectAccessible(page, 'classroom-settings-error');
    await page.getByLabel(/ID del servidor/).fill('123456789012345678');
    await page.getByLabel(/IDs de canales/).fill('223456789012345678');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByTestId('settings-saved').waitFor();
    expect(await page.getByLabel(/ID del servidor/).inputValue()).toBe('123456789012345678');
    expect(await page.getByLabel(/IDs de canales/).inputValue()).toBe('223456789012345678');
    await expectAccessible(page, 'classroom-settings');
    await context.close();
  });
});
