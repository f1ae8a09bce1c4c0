// What each image of the catalog does when a student runs it (`kubectl run NAME --image=IMAGE
// --restart=Never`): how it ends up, its first log lines as the real image prints them, the ports
// it listens on and the shells `kubectl exec` finds in it.
import { Kit, Out, newKit } from '../kubectl/verbs/verb-test-kit';

const NOT_FOUND = (program: string) => new RegExp(`^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in \\$PATH: unknown\\n$`);

interface Row {
  name: string;
  /** the rest of the kubectl run line */
  run: string;
  status: 'Running' | 'Completed' | 'Error';
  exitCode?: number;
  /** the first lines of `kubectl logs` */
  logs: string[];
  /** the logs have exactly these lines */
  allLogs?: boolean;
  ports: number[];
  /** for images whose process ends: a second pod running `sleep 3600` to exec into */
  shells: { bash: boolean; sh: boolean } | undefined;
}

const HELLO = [
  '',
  'Hello from Docker!',
  'This message shows that your installation appears to be working correctly.',
  '',
  'To generate this message, Docker took the following steps:',
  ' 1. The Docker client contacted the Docker daemon.',
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
  '    (amd64)',
  ' 3. The Docker daemon created a new container from that image which runs the',
  '    executable that produces the output you are currently reading.',
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
  '    to your terminal.',
  '',
  'To try something more ambitious, you can run an Ubuntu container with:',
  ' $ docker run -it ubuntu bash',
  '',
  'Share images, automate workflows, and more with a free Docker ID:',
  ' https://hub.docker.com/',
  '',
  'For more examples and ideas, visit:',
  ' https://docs.docker.com/get-started/',
  '',
];

const BOTH = { bash: true, sh: true };
const SH_ONLY = { bash: false, sh: true };

const ROWS: Row[] = [
  {
    name: 'nginx',
    run: '--image=nginx',
    status: 'Running',
    logs: ['/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration', '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'],
    ports: [80],
    shells: BOTH,
  },
  {
    name: 'httpd',
    run: '--image=httpd',
    status: 'Running',
    logs: [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message",
      '[Thu Jan 01 00:00:03.{us} 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
      "[Thu Jan 01 00:00:03.{us} 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
    ],
    allLogs: true,
    ports: [80],
    shells: BOTH,
  },
  { name: 'busybox', run: '--image=busybox', status: 'Completed', exitCode: 0, logs: [], allLogs: true, ports: [], shells: SH_ONLY },
  { name: 'alpine', run: '--image=alpine', status: 'Completed', exitCode: 0, logs: [], allLogs: true, ports: [], shells: SH_ONLY },
  {
    name: 'redis',
    run: '--image=redis',
    status: 'Running',
    logs: [
      "1:C 01 Jan 2026 00:00:03.{ms} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      '1:C 01 Jan 2026 00:00:03.{ms} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 01 Jan 2026 00:00:03.{ms} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started',
    ],
    ports: [6379],
    shells: BOTH,
  },
  {
    name: 'mysql',
    run: '--image=mysql:8.0 --env=MYSQL_ROOT_PASSWORD=secret',
    status: 'Running',
    logs: [
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      "2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Initializing database files',
    ],
    ports: [3306],
    shells: BOTH,
  },
  {
    name: 'mariadb',
    run: '--image=mariadb --env=MARIADB_ROOT_PASSWORD=secret',
    status: 'Running',
    logs: [
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.5.2+maria~ubu2404 started.',
      "2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
    ],
    ports: [3306],
    shells: BOTH,
  },
  {
    name: 'postgres',
    run: '--image=postgres --env=POSTGRES_PASSWORD=secret',
    status: 'Running',
    logs: ['The files belonging to this database system will be owned by user "postgres".', 'This user must also own the server process.', ''],
    ports: [5432],
    shells: BOTH,
  },
  // without a terminal a REPL reads an empty standard input and ends at once
  { name: 'node', run: '--image=node', status: 'Completed', exitCode: 0, logs: [], allLogs: true, ports: [], shells: BOTH },
  { name: 'python', run: '--image=python', status: 'Completed', exitCode: 0, logs: [], allLogs: true, ports: [], shells: BOTH },
  { name: 'hello', run: '--image=hello-world', status: 'Completed', exitCode: 0, logs: HELLO, allLogs: true, ports: [], shells: undefined },
  { name: 'echo', run: '--image=hashicorp/http-echo -- -text=hello', status: 'Running', logs: ['2026/01/01 00:00:{ss} [INFO] server is listening on :5678'], allLogs: true, ports: [5678], shells: { bash: false, sh: false } },
  // the databases refuse to start without their password variable, with the real images' messages
  {
    name: 'mysql-nopw',
    run: '--image=mysql:8.0',
    status: 'Error',
    exitCode: 1,
    logs: [
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      "2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '2026-01-01 00:00:{ss}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      '2026-01-01 00:00:{ss}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ],
    allLogs: true,
    ports: [],
    shells: undefined,
  },
  {
    name: 'postgres-nopw',
    run: '--image=postgres',
    status: 'Error',
    exitCode: 1,
    logs: [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ],
    allLogs: true,
    ports: [],
    shells: undefined,
  },
];

/** `{ip}` is the pod's IP; `{ss}`, `{ms}`, `{us}` stand for the seconds, milliseconds and microseconds of a timestamp */
function pattern(line: string, ip: string): RegExp {
  const esc = line.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc.replace(/\{ip\}/g, ip.replace(/\./g, '\\.')).replace(/\{ss\}/g, '\\d\\d').replace(/\{ms\}/g, '\\d{3}').replace(/\{us\}/g, '\\d{6}')}$`);
}

describe('the images of the catalog, run as a student runs them', () => {
  let kit: Kit;
  const sh = (line: string): Promise<Out> => kit.sh(line);
  beforeAll(async () => {
    kit = newKit();
    for (const r of ROWS) await kit.setup(`kubectl run ${r.name} --restart=Never ${r.run}`);
    // images whose process ends get a companion that stays up, to exec into
    for (const r of ROWS) if (r.status === 'Completed' && r.shells) await kit.setup(`kubectl run ${r.name}-up --restart=Never --image=${/--image=(\S+)/.exec(r.run)![1]} -- sleep 3600`);
    await kit.setup('sleep 120');
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const status = (await sh(`kubectl get pod ${r.name} --no-headers -o custom-columns=S:.status.containerStatuses[0].state`)).stdout;
    const row = (await sh(`kubectl get pod ${r.name} --no-headers`)).stdout.split(/\s+/);
    expect(row[2]).toBe(r.status);
    if (r.exitCode !== undefined) expect(status).toContain(`exitCode:${r.exitCode}`);
    const ip = (await sh(`kubectl get pod ${r.name} -o jsonpath='{.status.podIP}'`)).stdout;

    const logs = await sh(`kubectl logs ${r.name}`);
    expect([logs.stderr, logs.exitCode]).toEqual(['', 0]);
    const lines = logs.stdout === '' ? [] : logs.stdout.replace(/\n$/, '').split('\n');
    if (r.allLogs) expect(lines).toHaveLength(r.logs.length);
    r.logs.forEach((want, i) => expect([i, lines[i]]).toEqual([i, expect.stringMatching(pattern(want, ip))]));

    // a port it listens on connects; one it does not is refused
    for (const port of [...r.ports, 81]) {
      const c = await sh(`curl -sS -m 2 -o /dev/null http://${ip}:${port}/`);
      expect([port, c.stderr.includes("Couldn't connect to server")]).toEqual([port, !r.ports.includes(port)]);
    }

    if (r.shells) {
      const target = r.status === 'Completed' ? `${r.name}-up` : r.name;
      for (const shell of ['bash', 'sh'] as const) {
        const x = await sh(`kubectl exec ${target} -- ${shell} -c 'echo in ${shell}'`);
        if (r.shells[shell]) expect(x).toEqual({ stdout: `in ${shell}\n`, stderr: '', exitCode: 0 });
        else {
          expect(x.exitCode).toBe(1);
          expect(x.stderr).toMatch(NOT_FOUND(shell));
        }
      }
    }
  });

  it('the servers answer on their port: nginx and httpd pages, http-echo its -text', async () => {
    const ip = async (name: string) => (await sh(`kubectl get pod ${name} -o jsonpath='{.status.podIP}'`)).stdout;
    expect((await sh(`curl -s http://${await ip('nginx')}/ | grep title`)).stdout).toBe('<title>Welcome to nginx!</title>\n');
    expect((await sh(`curl -s http://${await ip('httpd')}/`)).stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect((await sh(`curl -s http://${await ip('echo')}:5678/`)).stdout).toBe('hello\n');
  });

  it('a database without its password, restarted by its controller, crash-loops', async () => {
    await kit.setup('kubectl run db --image=postgres', 'sleep 60');
    const row = (await sh('kubectl get pod db --no-headers')).stdout.split(/\s+/);
    expect(row.slice(1, 3)).toEqual(['0/1', 'CrashLoopBackOff']);
    expect((await sh('kubectl logs db --previous')).stdout.split('\n')[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
  });
});
