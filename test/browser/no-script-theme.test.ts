// Without scripts nothing sets the page's theme: the dashboard follows the system's light or dark
// preference by CSS alone (dashboard.css, `:root:not([data-theme])`).
import { computedStyle, describeBrowser, screenshot, startRig, type BrowserRig } from './harness';

jest.setTimeout(120_000);

describeBrowser('the theme without scripts', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => rig?.close());

  it.each([
    ['dark', 'rgb(17, 21, 29)', 'rgb(230, 233, 239)'],
    ['light', 'rgb(247, 248, 250)', 'rgb(29, 35, 48)'],
  ] as const)('follows a %s system preference', async (scheme, background, text) => {
    const ctx = await rig.browser.newContext({ baseURL: rig.base, javaScriptEnabled: false, colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    try {
      const page = await ctx.newPage();
      await page.goto('/signin');
      expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
      expect(await computedStyle(page.locator('body'), 'backgroundColor', 'color')).toEqual([background, text]);
      await screenshot(page, `no-script-${scheme}`);
    } finally {
      await ctx.close();
    }
  });
});
