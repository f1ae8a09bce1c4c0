// `npm run bot:register` against a fake of Discord's REST API (a local HTTP server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerCommands } from '../../apps/bot/src/register-commands';

interface Seen {
  method: string;
  url: string;
  auth: string;
  body: { name: string; description: string; description_localizations?: Record<string, string>; options?: { name: string; required?: boolean }[] }[];
}

describe('slash command registration', () => {
  let server: http.Server;
  let api: string;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (d: Buffer) => (data += d.toString('utf8')));
      req.on('end', () => {
        const body = JSON.parse(data) as Seen['body'];
        seen.push({ method: req.method ?? '', url: req.url ?? '', auth: String(req.headers.authorization), body });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body.map((c, i) => ({ ...c, id: String(i + 1) }))));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('puts the commands for one guild in development and globally in production', async () => {
    expect(await registerCommands({ token: 'tok', appId: '42', guildId: '7', api })).toEqual({ count: 7, scope: 'guild 7' });
    expect(await registerCommands({ token: 'tok', appId: '42', api })).toEqual({ count: 7, scope: 'global' });
    expect(seen.map((s) => [s.method, s.url, s.auth])).toEqual([
      ['PUT', '/api/v10/applications/42/guilds/7/commands', 'Bot tok'],
      ['PUT', '/api/v10/applications/42/commands', 'Bot tok'],
    ]);
    expect(seen[0].body.map((c) => [c.name, c.options?.map((o) => [o.name, o.required])])).toEqual([
      ['kubectl', [['command', true]]],
      ['lesson', [['step', false]]],
      ['check', []],
      ['hint', []],
      ['progress', []],
      ['build', []],
      ['link', [['code', true]]],
    ]);
    // described in English, with the Spanish shown to Spanish Discord clients
    expect(seen[0].body.find((c) => c.name === 'check')).toMatchObject({ description: 'Check the current step against your cluster', description_localizations: { 'es-ES': 'Comprueba el paso actual contra tu clúster' } });
  });
});
