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

describe('curl and wget to a server that does not speak HTTP', () => {
  const SERVERS = [
    'kubectl create deployment cache --image=redis:7.4',
    'kubectl expose deployment cache --port=6379',
    'kubectl run oldcache --image=redis:7.0 --port=6379 --expose',
    'kubectl run db --image=mysql:8.0 --env=MYSQL_ROOT_PASSWORD=secret --port=3306 --expose',
    'kubectl run maria --image=mariadb:11.4 --env=MARIADB_ROOT_PASSWORD=secret --port=3306 --expose',
    'kubectl run maria10 --image=mariadb:10.11 --env=MARIADB_ROOT_PASSWORD=secret --port=3306 --expose',
    'kubectl run pg --image=postgres:17 --env=POSTGRES_PASSWORD=secret --port=5432 --expose',
    'kubectl run client --image=nginx',
    'kubectl run bb --image=busybox -- sleep 3600',
    'sleep 60',
  ];
  const cmdFailed = (code: number): string => `command terminated with exit code ${code}\n`;

  it('Redis and PostgreSQL close the connection without a byte: curl exits 52, Empty reply from server', async () => {
    const kit = newKit();
    await kit.setup(...SERVERS);
    expect(await kit.sh('kubectl exec client -- curl -sS http://cache:6379/')).toEqual({ stdout: '', stderr: `curl: (52) Empty reply from server\n${cmdFailed(52)}`, exitCode: 52 });
    expect(await kit.sh('kubectl exec client -- curl -s pg:5432')).toEqual({ stdout: '', stderr: cmdFailed(52), exitCode: 52 });
    const ip = (await kit.sh("kubectl get svc oldcache -o jsonpath='{.spec.clusterIP}'")).stdout;
    expect(await kit.sh('kubectl exec client -- curl -v http://oldcache:6379/')).toEqual({
      stdout: '',
      stderr: [
        `*   Trying ${ip}:6379...`,
        `* Connected to oldcache (${ip}) port 6379`,
        '> GET / HTTP/1.1',
        '> Host: oldcache:6379',
        '> User-Agent: curl/7.88.1',
        '> Accept: */*',
        '> ',
        '* Empty reply from server',
        '* Closing connection 0',
        'curl: (52) Empty reply from server',
        cmdFailed(52),
      ].join('\n'),
      exitCode: 52,
    });
    // curl 8.5 on a node
    const pg = (await kit.sh("kubectl get svc pg -o jsonpath='{.spec.clusterIP}'")).stdout;
    expect((await kit.sh(`ssh node1 curl -v http://${pg}:5432/`)).stderr.split('\n').slice(-4)).toEqual(['* Empty reply from server', '* Closing connection', 'curl: (52) Empty reply from server', '']);
  });

  it('Redis logs the cross-protocol warning at most once a minute (the peer from 7.2 on); PostgreSQL logs the bad startup packet of each connection', async () => {
    const kit = newKit();
    await kit.setup(...SERVERS);
    const client = (await kit.sh("kubectl get pod client -o jsonpath='{.status.podIP}'")).stdout;
    const warning =
      '# Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance.';
    const curlCache = 'kubectl exec client -- curl -s cache:6379 || true';
    await kit.setup(curlCache, 'sleep 30', curlCache, 'sleep 31', curlCache);
    const lines = (await kit.sh('kubectl logs deploy/cache')).stdout.split('\n').filter((l) => l.includes('SECURITY'));
    expect(lines.map((l) => l.replace(/:\d+ aborted\.$/, ':PORT aborted.'))).toEqual([
      `1:M 01 Jan 2026 00:01:00.000 ${warning} Connection from ${client}:PORT aborted.`,
      `1:M 01 Jan 2026 00:02:01.000 ${warning} Connection from ${client}:PORT aborted.`,
    ]);
    for (const l of lines) {
      const port = Number(/:(\d+) aborted\.$/.exec(l)![1]);
      expect(port >= 32768 && port <= 60999).toBe(true);
    }
    await kit.setup('kubectl exec client -- curl -s oldcache:6379 || true');
    expect((await kit.sh('kubectl logs oldcache --tail=1')).stdout).toBe(`1:M 01 Jan 2026 00:02:01.000 ${warning} Connection aborted.\n`);
    await kit.setup('kubectl exec client -- curl -s pg:5432 || true', 'kubectl exec bb -- wget -q pg:5432 || true');
    expect((await kit.sh('kubectl logs pg --tail=2')).stdout).toBe('2026-01-01 00:02:01.000 UTC [64] LOG:  invalid length of startup packet\n2026-01-01 00:02:01.000 UTC [65] LOG:  invalid length of startup packet\n');
  });

  it('MySQL and MariaDB greet first: curl exits 1, Received HTTP/0.9 when not allowed', async () => {
    const kit = newKit();
    await kit.setup(...SERVERS);
    expect(await kit.sh('kubectl exec client -- curl -sS db:3306')).toEqual({ stdout: '', stderr: `curl: (1) Received HTTP/0.9 when not allowed\n${cmdFailed(1)}`, exitCode: 1 });
    const r = await kit.sh('kubectl exec client -- curl -v maria:3306');
    expect([r.stderr.split('\n').slice(-6), r.exitCode]).toEqual([['> ', '* Received HTTP/0.9 when not allowed', '* Closing connection 0', 'curl: (1) Received HTTP/0.9 when not allowed', cmdFailed(1).trimEnd(), ''], 1]);
  });

  it('BusyBox wget: error getting response (Redis, PostgreSQL), bad header line with the server version (MySQL, MariaDB), exit 1', async () => {
    const kit = newKit();
    await kit.setup(...SERVERS);
    const cache = (await kit.sh("kubectl get svc cache -o jsonpath='{.spec.clusterIP}'")).stdout;
    expect(await kit.sh('kubectl exec bb -- wget -O- http://cache:6379/')).toEqual({ stdout: '', stderr: `Connecting to cache:6379 (${cache}:6379)\nwget: error getting response\n${cmdFailed(1)}`, exitCode: 1 });
    expect(await kit.sh('kubectl exec bb -- wget -qO- pg:5432')).toEqual({ stdout: '', stderr: `wget: error getting response\n${cmdFailed(1)}`, exitCode: 1 });
    expect(await kit.sh('kubectl exec bb -- wget -qO- db:3306')).toEqual({ stdout: '', stderr: `wget: bad header line: 8.0.40\n${cmdFailed(1)}`, exitCode: 1 });
    expect((await kit.sh('kubectl exec bb -- wget -qO- maria:3306')).stderr).toBe(`wget: bad header line: 11.4.3-MariaDB-ubu2404\n${cmdFailed(1)}`);
    expect((await kit.sh('kubectl exec bb -- wget -qO- maria10:3306')).stderr).toBe(`wget: bad header line: 5.5.5-10.11.9-MariaDB-ubu2404\n${cmdFailed(1)}`);
  });

  it('GNU wget on a node: No data received, retried as a failed try; a MySQL greeting is saved as HTTP/0.9', async () => {
    const kit = newKit();
    await kit.setup(...SERVERS);
    const pg = (await kit.sh("kubectl get svc pg -o jsonpath='{.spec.clusterIP}'")).stdout;
    const tryLines = `Connecting to ${pg}:5432... connected.\nHTTP request sent, awaiting response... No data received.\n`;
    expect(await kit.sh(`ssh node1 wget -t 2 http://${pg}:5432/`)).toEqual({
      stdout: '',
      stderr: `--2026-01-01 00:01:00--  http://${pg}:5432/\n${tryLines}Retrying.\n\n--2026-01-01 00:01:01--  (try: 2)  http://${pg}:5432/\n${tryLines}Giving up.\n\n`,
      exitCode: 4,
    });
    const db = (await kit.sh("kubectl get svc db -o jsonpath='{.spec.clusterIP}'")).stdout;
    expect(await kit.sh(`ssh node1 wget http://${db}:3306/`)).toEqual({
      stdout: '',
      stderr:
        `--2026-01-01 00:01:01--  http://${db}:3306/\nConnecting to ${db}:3306... connected.\n` +
        'HTTP request sent, awaiting response... 200 No headers, assuming HTTP/0.9\nLength: unspecified\nSaving to: ‘index.html’\n\n' +
        'index.html              [ <=>                ]      78  --.-KB/s    in 0s      \n\n2026-01-01 00:01:01 (600 KB/s) - ‘index.html’ saved [78]\n\n',
      exitCode: 0,
    });
    // the greeting: its 3-byte length (74), sequence 0, protocol 10 and the server version
    expect((await kit.sh('ssh node1 head -c 12 index.html')).stdout).toBe('J\0\0\0\n8.0.40\0');
  });
});
