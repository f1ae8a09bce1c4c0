// The kompose program in the sandbox shell: files through the virtual file system, the log lines
// on stderr, and up/down against the simulated cluster.

import { Sandbox } from '../sandbox';
import { ShellSession } from '../shell/types';

const START = Date.UTC(2026, 0, 1);

const COMPOSE = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    volumes:
      - ./data:/usr/share/nginx/html
  redis:
    image: redis
`;

async function setup(): Promise<{ sandbox: Sandbox; run: (line: string) => Promise<{ stdout: string; stderr: string; exitCode: number }> }> {
  const sandbox = Sandbox.create({ seed: 1, start: START });
  let session: ShellSession = sandbox.newSession();
  const run = async (line: string) => {
    const r = await sandbox.run(session, line, undefined, { isTTY: true });
    session = r.session;
    return r.result;
  };
  return { sandbox, run };
}

const INFO = (m: string) => `\x1b[36mINFO\x1b[0m ${m.padEnd(44)} \n`;
const WARN = (m: string) => `\x1b[33mWARN\x1b[0m ${m.padEnd(44)} \n`;

describe('kompose command', () => {
  it('prints its version', async () => {
    const { run } = await setup();
    expect(await run('kompose version')).toEqual({ stdout: '1.38.0 (a8f5d1cbd)\n', stderr: '', exitCode: 0 });
  });

  it('writes one file per object and logs each one', async () => {
    const { run } = await setup();
    await run(`cat > docker-compose.yml <<'EOF'\n${COMPOSE}EOF`);
    const r = await run('kompose convert');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      WARN(`Service "redis" won't be created because 'ports' is not specified`) +
        WARN('File don\'t exist or failed to check if the directory is empty: stat /home/student/data: no such file or directory') +
        WARN('Volume mount on the host "/home/student/data" isn\'t supported - ignoring path on the host') +
        INFO('Kubernetes file "web-service.yaml" created') +
        INFO('Kubernetes file "redis-deployment.yaml" created') +
        INFO('Kubernetes file "web-deployment.yaml" created') +
        INFO('Kubernetes file "web-claim0-persistentvolumeclaim.yaml" created'),
    );
    const cat = await run('cat web-service.yaml');
    expect(cat.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kompose.cmd: kompose convert
    kompose.version: 1.38.0 (a8f5d1cbd)
  labels:
    io.kompose.service: web
  name: web
spec:
  ports:
    - name: "8080"
      port: 8080
      targetPort: 80
  selector:
    io.kompose.service: web
`);
  });

  it('writes into an -o directory and prints the joined path', async () => {
    const { run } = await setup();
    await run(`cat > compose.yaml <<'EOF'\n${COMPOSE}EOF`);
    await run('mkdir k8s');
    const r = await run('kompose convert -o k8s --volumes emptyDir');
    expect(r.stderr).toContain(INFO('Kubernetes file "k8s/web-deployment.yaml" created'));
    expect(r.stderr).not.toContain('persistentvolumeclaim');
    expect((await run('ls k8s')).stdout.split(/\s+/).filter(Boolean)).toEqual(['redis-deployment.yaml', 'web-deployment.yaml', 'web-service.yaml']);
  });

  it('says when there is no compose file', async () => {
    const { run } = await setup();
    const r = await run('kompose convert');
    expect(r).toEqual({
      stdout: '',
      stderr: '\x1b[31mFATA\x1b[0m Error validating compose file: No compose or docker-compose yaml file found in the current directory \n',
      exitCode: 1,
    });
  });

  it('refuses unknown service keys as compose validation does', async () => {
    const { run } = await setup();
    await run(`printf 'services:\\n  web:\\n    imagen: nginx\\n' > compose.yaml`);
    const r = await run('kompose convert --stdout');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Unable to load files: validating /home/student/compose.yaml: services.web additional properties 'imagen' not allowed");
  });

  it('up creates the objects as kompose 1.21 did, and down deletes them', async () => {
    const { sandbox, run } = await setup();
    await run(`cat > docker-compose.yml <<'EOF'\n${COMPOSE}EOF`);
    const up = await run('kompose up');
    expect(up.exitCode).toBe(0);
    expect(up.stderr.split('\n')[0]).toMatch(/^Note: kompose 1.22 and later have no "up"/);
    expect(up.stderr).toContain(INFO('Deploying application in "default" namespace'));
    expect(up.stderr).toContain(INFO('Successfully created Service: web'));
    expect(up.stderr).toContain(INFO('Successfully created Deployment: redis'));
    expect(up.stderr).toContain(
      INFO(
        "Successfully created PersistentVolumeClaim: web-claim0 of size 100Mi. If your cluster has dynamic storage provisioning, you don't have to do anything. Otherwise you have to create PersistentVolume to make PVC work",
      ),
    );
    expect(up.stdout).toBe("\nYour application has been deployed to Kubernetes. You can run 'kubectl get deployment,svc,pods,pvc' for details.\n");
    expect(sandbox.cluster.api.get('deployments', 'default', 'web').metadata.annotations?.['kompose.cmd']).toBe('kompose up');
    expect(sandbox.cluster.api.get('persistentvolumeclaims', 'default', 'web-claim0').status?.phase).toBe('Pending');
    const again = await run('kompose up');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('Error while deploying application: services "web" already exists');
    const down = await run('kompose down');
    expect(down.exitCode).toBe(0);
    expect(down.stderr).toContain(INFO('Successfully deleted Deployment: web'));
    expect(down.stderr).toContain(INFO('Successfully deleted PersistentVolumeClaim: web-claim0'));
    expect(sandbox.cluster.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });

  it('prints --stdout documents on stdout and honours -f before the verb', async () => {
    const { run } = await setup();
    await run(`mkdir app && printf 'services:\n  web:\n    image: nginx\n' > app/web.yml`);
    const r = await run('kompose -f app/web.yml convert --stdout --with-kompose-annotation=false');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(WARN(`Service "web" won't be created because 'ports' is not specified`));
    expect(r.stdout.startsWith('---\napiVersion: apps/v1\nkind: Deployment\n')).toBe(true);
  });

  it('--suppress-warnings hides warnings and --error-on-warning makes the first one fatal', async () => {
    const { run } = await setup();
    await run(`printf 'version: "3"\nservices:\n  web:\n    image: nginx\n' > compose.yaml`);
    const quiet = await run('kompose convert --stdout --suppress-warnings');
    expect(quiet.stderr).toBe('');
    const strict = await run('kompose convert --error-on-warning');
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toBe(`\x1b[31mFATA\x1b[0m /home/student/compose.yaml: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion \n`);
    expect((await run('ls')).stdout).not.toContain('web-deployment.yaml');
  });

  it('answers unknown commands and flags as cobra does', async () => {
    const { run } = await setup();
    expect(await run('kompose deploy')).toEqual({ stdout: '', stderr: `Error: unknown command "deploy" for "kompose"\nRun 'kompose --help' for usage.\n`, exitCode: 1 });
    expect((await run('kompose convert --bogus')).stderr).toBe(`Error: unknown flag: --bogus\nRun 'kompose convert --help' for usage.\n`);
  });
});

