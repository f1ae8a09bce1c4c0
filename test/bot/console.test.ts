// `npm run bot -- --console --as ID`: the same handlers on a piped stdin, printing the replies
// Discord would get, against a running server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { texts } from '../../apps/bot/src/i18n';

const botText = texts.es;
import { signedIn } from '../e2e/client';
import { BotHarness, bootBotHarness, LINKED_USER } from './bot-harness';

const BIN = path.join(__dirname, '..', '..', 'bin', 'kubeaula-bot.js');

function runBot(args: string[], stdin: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { DISCORD_TOKEN: _t, DISCORD_APP_ID: _a, ...rest } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...rest, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('bot console mode', () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await bootBotHarness();
  });
  afterAll(() => b.close());

  it('runs piped messages through the handlers and prints the replies', async () => {
    const stdin = [
      '!kubectl get ns default -o name',
      'not a command',
      '!kubectl apply -f -',
      '```yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: piped',
      '```',
      '!kubectl create -f -',
      '!sh echo @everyone',
      '!sh for i in $(seq 1 100); do echo "line $i of a long output"; done',
    ].join('\n');
    const r = await runBot(['--console', '--as', LINKED_USER], stdin + '\n', { KUBEAULA_URL: b.url, KUBEAULA_BOT_TOKEN: b.token, KUBEAULA_PUBLIC_URL: 'https://kubeaula.example' });
    expect(r.stderr).toBe('');
    const long = Array.from({ length: 100 }, (_, i) => `line ${i + 1} of a long output\n`).join('');
    expect(r.stdout).toBe(
      '```\nnamespace/default\n```\n' +
        '```\nconfigmap/piped created\n```\n' +
        botText.missingYaml + '\n' +
        '```\n@everyone\n```\n' +
        `Salida de ${long.length} caracteres (100 líneas), adjunta como output.txt.\n--- attachment output.txt (${long.length} bytes) ---\n${long}--- end of output.txt ---\n`,
    );
    expect(r.code).toBe(0);
    expect((await b.rest('kubectl get cm piped -o name')).stdout).toBe('configmap/piped\n');
  }, 60_000);

  it('acts as a message in a Discord server with --guild, else as a DM', async () => {
    const teacher = await signedIn(b.h.app, 'teacher');
    const rooms = (await teacher.get('/api/v1/classrooms').expect(200)).body as { id: string }[];
    const second = await teacher.post('/api/v1/classrooms', { name: 'Evening class' }).expect(201);
    await b.student.post('/api/v1/classrooms/join', { code: second.body.joinCode }).expect(200);
    await teacher.put(`/api/v1/classrooms/${rooms[0].id}/discord`, { guildId: '710000000000000001', channelIds: ['730000000000000001'] }).expect(200);
    await teacher.put(`/api/v1/classrooms/${second.body.id}/discord`, { guildId: '710000000000000001', channelIds: ['730000000000000002'] }).expect(200);
    const env = { KUBEAULA_URL: b.url, KUBEAULA_BOT_TOKEN: b.token };
    const input = '!kubectl get cm piped -o name\n';
    // the first classroom holds the ConfigMap made above; in the evening's channel, the second
    expect((await runBot(['--console', '--as', LINKED_USER, '--guild', '710000000000000001', '--channel', '730000000000000001'], input, env)).stdout).toBe('```\nconfigmap/piped\n```\n');
    const evening = await runBot(['--console', '--as', LINKED_USER, '--guild', '710000000000000001', '--channel', '730000000000000002'], input, env);
    expect(evening.stdout).toBe('```\nError from server (NotFound): configmaps "piped" not found\n```\n');
    expect((await runBot(['--console', '--as', LINKED_USER], input, env)).stdout).toBe(botText.classroomAsk(['1. Discord class', '2. Evening class']) + '\n');
    const bad = await runBot(['--console', '--as', LINKED_USER, '--channel', '7'], '', env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--channel with --guild')]);
  }, 120_000);

  it('tells an unlinked console user how to link', async () => {
    const r = await runBot(['--console', '--as', '42'], '!k get pods\n', { KUBEAULA_URL: b.url, KUBEAULA_BOT_TOKEN: b.token });
    expect(r.stdout).toBe(botText.notLinked(b.url) + '\n');
    expect(r.code).toBe(0);
  }, 60_000);

  it('lists every bad variable and refuses to start', async () => {
    const r = await runBot([], '', { KUBEAULA_URL: '', KUBEAULA_BOT_TOKEN: '' });
    expect(r.code).toBe(2);
    for (const v of ['KUBEAULA_URL', 'KUBEAULA_BOT_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APP_ID']) expect(r.stderr).toContain(`${v}:`);
    expect((await runBot(['--console'], '', { KUBEAULA_URL: b.url, KUBEAULA_BOT_TOKEN: b.token })).code).toBe(2);
  }, 60_000);
});
