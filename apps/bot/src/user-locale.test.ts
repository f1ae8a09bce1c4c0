import type { BotDeps } from './bot-deps';
import { KubeaulaClient, ServerError, ServerUnreachable } from './server-client';
import { LocaleCache, userLocale } from './user-locale';

function depsWith(me: (id: string) => Promise<{ locale: 'es' | 'en' }>, now: () => number): { deps: BotDeps; calls: string[] } {
  const calls: string[] = [];
  const server = Object.create(KubeaulaClient.prototype) as KubeaulaClient;
  server.me = async (id: string) => {
    calls.push(id);
    return { username: id, displayName: id, role: 'student', notify: false, ...(await me(id)) };
  };
  return { deps: { server, dashboardUrl: 'x', locales: new LocaleCache(now) }, calls };
}

describe("the bot's language for a user", () => {
  it("is the account's, looked up once a minute", async () => {
    let t = 0;
    const { deps, calls } = depsWith(async () => ({ locale: 'en' }), () => t);
    expect(await userLocale(deps, '1', 'es-ES')).toBe('en');
    t = 59_000;
    expect(await userLocale(deps, '1')).toBe('en');
    t = 61_000;
    expect(await userLocale(deps, '1')).toBe('en');
    expect(calls).toEqual(['1', '1']);
  });

  it("is the client's or Spanish for a user not linked, remembered; not when the server is down", async () => {
    let down = false;
    const { deps, calls } = depsWith(async () => {
      if (down) throw new ServerUnreachable('refused');
      throw new ServerError(403, 'FORBIDDEN', 'This Discord user is not linked to a kubeaula account');
    }, () => 0);
    expect(await userLocale(deps, '2', 'en-US')).toBe('en');
    expect(await userLocale(deps, '2')).toBe('es');
    expect(calls).toEqual(['2']);
    down = true;
    expect(await userLocale(deps, '3', 'en-GB')).toBe('en');
    expect(await userLocale(deps, '3', 'fr')).toBe('es');
    expect(calls).toEqual(['2', '3', '3']);
  });
});
