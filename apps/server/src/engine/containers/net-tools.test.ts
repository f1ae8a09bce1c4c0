import { Cluster } from '../cluster';
import { KubeObject, Service } from '../api/types';
import { newKit, Kit } from '../kubectl/verbs/verb-test-kit';
import { SYN_TIMEOUT_MS, ToolIo, curl, wget } from './net-tools';
import { Origin } from './network';

// nginx answers on 80 behind `web`; `web:81` is a port the Service does not have (kube-proxy has
// no rule: the SYN goes nowhere), `nolisten` sends port 80 to 8080 where nothing listens (the
// pod answers with a reset), `empty` has no endpoints (kube-proxy's REJECT).
const SETUP = [
  'kubectl create deployment web --image=nginx',
  'kubectl expose deployment web --port=80',
  'kubectl create service clusterip nolisten --tcp=80:8080',
  "kubectl patch service nolisten -p '{\"spec\":{\"selector\":{\"app\":\"web\"}}}'",
  'kubectl create service clusterip empty --tcp=80:80',
  'kubectl run client --image=busybox -- sleep 3600',
  'sleep 30',
];

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** simulated ms the command took */
  took: number;
}

async function setup(): Promise<{ kit: Kit; run(line: string): Promise<Run>; ip(svc: string): Promise<string>; webPod: string }> {
  const kit = newKit();
  await kit.setup(...SETUP);
  const run = async (line: string): Promise<Run> => {
    const before = kit.sandbox.cluster.now;
    const r = await kit.sh(line);
    return { ...r, took: kit.sandbox.cluster.now - before };
  };
  const ip = async (svc: string): Promise<string> => (await kit.sh(`kubectl get svc ${svc} -o jsonpath='{.spec.clusterIP}'`)).stdout;
  const webPod = (await kit.sh("kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'")).stdout;
  return { kit, run, ip, webPod };
}

describe('curl and wget when nobody answers', () => {
  it('curl on a node waits for the kernel to give up, then exits 28 with the COULDNT_CONNECT text', async () => {
    const { run, ip } = await setup();
    const web = await ip('web');
    expect(SYN_TIMEOUT_MS).toBe(129_613);
    const r = await run(`curl -sS http://${web}:81/`);
    expect(r).toEqual({ stdout: '', stderr: `curl: (28) Failed to connect to ${web} port 81 after 129613 ms: Couldn't connect to server\n`, exitCode: 28, took: SYN_TIMEOUT_MS });
    // -s alone says nothing, and takes as long
    expect(await run(`curl -s http://${web}:81/`)).toEqual({ stdout: '', stderr: '', exitCode: 28, took: SYN_TIMEOUT_MS });
    // a shorter --max-time ends it in the multi loop, a shorter --connect-timeout in the connect filter
    expect(await run(`curl -sS -m 3 http://${web}:81/`)).toEqual({ stdout: '', stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n', exitCode: 28, took: 3001 });
    expect(await run(`curl -sS --connect-timeout 2 http://${web}:81/`)).toEqual({ stdout: '', stderr: `curl: (28) Failed to connect to ${web} port 81 after 2001 ms: Timeout was reached\n`, exitCode: 28, took: 2001 });
    expect(await run(`curl -sS --connect-timeout 2 --max-time=1.5 http://${web}:81/`)).toMatchObject({ stderr: 'curl: (28) Connection timed out after 1501 milliseconds\n', took: 1501 });
    // longer limits than the kernel's change nothing, and 0 is no limit
    expect(await run(`curl -sS --connect-timeout 300 http://${web}:81/`)).toMatchObject({ exitCode: 28, took: SYN_TIMEOUT_MS });
    expect(await run(`curl -sS -m 0 http://${web}:81/`)).toMatchObject({ exitCode: 28, took: SYN_TIMEOUT_MS });
  });

  it('a refusal is immediate: exit 7 (no endpoints, or nothing listening on the target port)', async () => {
    const { run, ip } = await setup();
    for (const svc of ['empty', 'nolisten']) {
      const addr = await ip(svc);
      expect(await run(`curl -sS http://${addr}/`)).toEqual({ stdout: '', stderr: `curl: (7) Failed to connect to ${addr} port 80 after 1 ms: Couldn't connect to server\n`, exitCode: 7, took: 0 });
    }
  });

  it('curl in a Debian image (nginx) by service name, through kubectl exec', async () => {
    const { run, webPod } = await setup();
    const r = await run(`kubectl exec ${webPod} -- curl -sS http://web:81/`);
    expect(r).toEqual({ stdout: '', stderr: "curl: (28) Failed to connect to web port 81 after 129613 ms: Couldn't connect to server\ncommand terminated with exit code 28\n", exitCode: 28, took: SYN_TIMEOUT_MS });
    const refused = await run(`kubectl exec ${webPod} -- curl -sS http://nolisten/`);
    expect([refused.stderr, refused.exitCode, refused.took]).toEqual(["curl: (7) Failed to connect to nolisten port 80 after 1 ms: Couldn't connect to server\ncommand terminated with exit code 7\n", 7, 0]);
  });

  it('BusyBox wget waits for the kernel, says ETIMEDOUT and exits 1; -T cuts it short', async () => {
    const { run, ip } = await setup();
    const web = await ip('web');
    expect(await run('kubectl exec client -- wget -qO- http://web:81/')).toEqual({
      stdout: '',
      stderr: `wget: can't connect to remote host (${web}): Connection timed out\ncommand terminated with exit code 1\n`,
      exitCode: 1,
      took: SYN_TIMEOUT_MS,
    });
    expect(await run('kubectl exec client -- wget -O- http://web:81/')).toMatchObject({
      stderr: `Connecting to web:81 (${web}:81)\nwget: can't connect to remote host (${web}): Connection timed out\ncommand terminated with exit code 1\n`,
      took: SYN_TIMEOUT_MS,
    });
    // -T arms an alarm around connect()
    expect(await run('kubectl exec client -- wget -T 5 -qO- http://web:81/')).toEqual({ stdout: '', stderr: 'wget: download timed out\ncommand terminated with exit code 1\n', exitCode: 1, took: 5000 });
    // a refusal is immediate
    const empty = await ip('empty');
    expect(await run('kubectl exec client -- wget -qO- http://empty/')).toEqual({ stdout: '', stderr: `wget: can't connect to remote host (${empty}): Connection refused\ncommand terminated with exit code 1\n`, exitCode: 1, took: 0 });
    // BusyBox dies at the first failure: the second URL is not fetched
    const both = await run('kubectl exec client -- wget -qO- http://empty/ http://web/');
    expect([both.stdout, both.exitCode]).toEqual(['', 1]);
  });

  it('GNU wget on a node retries a timed-out connection, waiting longer between tries, then gives up', async () => {
    const { kit, run, ip } = await setup();
    const web = await ip('web');
    const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
    const t0 = kit.sandbox.cluster.now;
    const r = await run(`wget -t 3 http://${web}:81/`);
    const t1 = t0 + SYN_TIMEOUT_MS + 1000;
    const t2 = t1 + SYN_TIMEOUT_MS + 2000;
    const failed = `Connecting to ${web}:81... failed: Connection timed out.\n`;
    expect(r).toEqual({
      stdout: '',
      stderr:
        `--${at(t0)}--  http://${web}:81/\n${failed}Retrying.\n\n` +
        `--${at(t1)}--  (try: 2)  http://${web}:81/\n${failed}Retrying.\n\n` +
        `--${at(t2)}--  (try: 3)  http://${web}:81/\n${failed}Giving up.\n\n`,
      exitCode: 4,
      took: 3 * SYN_TIMEOUT_MS + 1000 + 2000,
    });
    expect(await run(`wget -q --tries=1 http://${web}:81/`)).toEqual({ stdout: '', stderr: '', exitCode: 4, took: SYN_TIMEOUT_MS });
    // the default is 20 tries, 1 s more between each up to 10 s: about 43.5 minutes
    expect((await run(`wget -q http://${web}:81/`)).took).toBe(20 * SYN_TIMEOUT_MS + (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 * 10) * 1000);
    // a refusal is not retried
    const empty = await ip('empty');
    expect(await run(`wget http://${empty}/`)).toMatchObject({ stderr: `--${at(kit.sandbox.cluster.now)}--  http://${empty}/\nConnecting to ${empty}:80... failed: Connection refused.\n`, exitCode: 4, took: 0 });
  });

  it('runs at once when the caller cannot wait, and stops silently with 130 when interrupted while waiting', async () => {
    const T0 = Date.UTC(2026, 0, 1);
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject));
    const ip = (c.api.get('services', 'default', 'web') as Service).spec.clusterIP!;
    const from: Origin = { kind: 'host', node: 'master', ip: c.runtime.machines.master.ip };
    const io = (argv: string[], extra: Partial<ToolIo> = {}): ToolIo & { err: string } => {
      const out = { err: '', argv, isTTY: false, stdout: () => undefined, stderr: (t: string) => void (out.err += t), ...extra };
      return out;
    };
    // no sleep (a container whose main process is the client): synchronous, same words
    const sync = io(['curl', '-sS', `http://${ip}:81/`]);
    expect([curl(c, from, sync, 'host'), sync.err]).toEqual([28, `curl: (28) Failed to connect to ${ip} port 81 after 129613 ms: Couldn't connect to server\n`]);
    const bb = io(['wget', '-q', `http://${ip}:81/`]);
    expect([wget(c, from, bb, 'busybox'), bb.err]).toEqual([1, `wget: can't connect to remote host (${ip}): Connection timed out\n`]);
    // Ctrl-C during the wait
    const signal = { aborted: false };
    const waits: number[] = [];
    const interrupted = io(['curl', '-sS', `http://${ip}:81/`], {
      signal,
      sleep: async (ms: number) => {
        waits.push(ms);
        signal.aborted = true;
      },
    });
    const pending = curl(c, from, interrupted, 'host');
    expect(pending).toBeInstanceOf(Promise);
    expect([await pending, interrupted.err, waits]).toEqual([130, '', [SYN_TIMEOUT_MS]]);
  });
});
