// The kompose program in the sandbox shell: files through the virtual file system, the log lines
// on stderr, the command line as cobra/pflag read it, and up/down against the simulated cluster.

import { Sandbox } from '../sandbox';
import { ShellSession } from '../shell/types';
import { COMMANDS } from './help';
import { UP_NOTE } from './kompose-command';

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

/** a named volume and a bind mount */
const VOLUMES = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    volumes:
      - data:/data
      - ./html:/usr/share/nginx/html
volumes:
  data:
`;

type Result = { stdout: string; stderr: string; exitCode: number };

async function setup(files: Record<string, string> = {}): Promise<{ sandbox: Sandbox; run: (line: string, isTTY?: boolean) => Promise<Result> }> {
  const sandbox = Sandbox.create({ seed: 1, start: START });
  let session: ShellSession = sandbox.newSession();
  const run = async (line: string, isTTY = true) => {
    const r = await sandbox.run(session, line, undefined, { isTTY });
    session = r.session;
    return r.result;
  };
  for (const [name, content] of Object.entries(files)) await run(`cat > ${name} <<'EOF'\n${content}EOF`);
  return { sandbox, run };
}

const INFO = (m: string) => `\x1b[36mINFO\x1b[0m ${m.padEnd(44)} \n`;
const WARN = (m: string) => `\x1b[33mWARN\x1b[0m ${m.padEnd(44)} \n`;
const FATA = (m: string) => `\x1b[31mFATA\x1b[0m ${m.padEnd(44)} \n`;

const VOLUME_WARNINGS =
  WARN("File don't exist or failed to check if the directory is empty: stat :/data: no such file or directory") +
  WARN("File don't exist or failed to check if the directory is empty: stat /home/student/html: no such file or directory") +
  WARN('Volume mount on the host "/home/student/html" isn\'t supported - ignoring path on the host');

const SERVICE = (ns = '') => `---
apiVersion: v1
kind: Service
metadata:
  labels:
    io.kompose.service: web
  name: web
${ns}spec:
  ports:
    - name: "8080"
      port: 8080
      targetPort: 80
  selector:
    io.kompose.service: web

`;

const deployment = (ns: string, replicas: number, volumes: string, html: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    io.kompose.service: web
  name: web
${ns}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      io.kompose.service: web
  strategy:
    type: Recreate
  template:
    metadata:
      labels:
        io.kompose.service: web
    spec:
      containers:
        - image: nginx
          name: web
          ports:
            - containerPort: 80
              protocol: TCP
          volumeMounts:
            - mountPath: /data
              name: data
            - mountPath: /usr/share/nginx/html
              name: ${html}
      restartPolicy: Always
      volumes:
${volumes}
`;

const claim = (name: string, ns: string, size: string) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  labels:
    io.kompose.service: ${name}
  name: ${name}
${ns}spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: ${size}

`;

const CLAIM_VOLUMES = `        - name: data
          persistentVolumeClaim:
            claimName: data
        - name: web-claim1
          persistentVolumeClaim:
            claimName: web-claim1
`;

describe('kompose command', () => {
  it('prints its version', async () => {
    const { run } = await setup();
    expect(await run('kompose version')).toEqual({ stdout: '1.38.0 (a8f5d1cbd)\n', stderr: '', exitCode: 0 });
  });

  it('writes one file per object and logs each one', async () => {
    const { run } = await setup({ 'docker-compose.yml': COMPOSE });
    const r = await run('kompose convert');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      WARN(`Service "redis" won't be created because 'ports' is not specified`) +
        WARN("File don't exist or failed to check if the directory is empty: stat /home/student/data: no such file or directory") +
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

  it('says when there is no compose file', async () => {
    const { run } = await setup();
    expect(await run('kompose convert')).toEqual({
      stdout: '',
      stderr: FATA('Error validating compose file: No compose or docker-compose yaml file found in the current directory'),
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

  it('--suppress-warnings hides warnings and --error-on-warning makes the first one fatal', async () => {
    const { run } = await setup();
    await run(`printf 'version: "3"\nservices:\n  web:\n    image: nginx\n' > compose.yaml`);
    const quiet = await run('kompose convert --stdout --suppress-warnings');
    expect(quiet.stderr).toBe('');
    const strict = await run('kompose convert --error-on-warning');
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toBe(FATA('/home/student/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion'));
    expect((await run('ls')).stdout).not.toContain('web-deployment.yaml');
  });
});

describe('kompose logs on a terminal and off one', () => {
  // kompose's PersistentPreRun sets logrus' TextFormatter with ForceColors and DisableTimestamp, so the
  // coloured layout is used whatever stderr is: never logrus' `time="..." level=info msg="..."` form.
  const EXPECTED =
    WARN(`Service "redis" won't be created because 'ports' is not specified`) +
    WARN("File don't exist or failed to check if the directory is empty: stat /home/student/data: no such file or directory") +
    WARN('Volume mount on the host "/home/student/data" isn\'t supported - ignoring path on the host') +
    INFO('Kubernetes file "web-service.yaml" created') +
    INFO('Kubernetes file "redis-deployment.yaml" created') +
    INFO('Kubernetes file "web-deployment.yaml" created') +
    INFO('Kubernetes file "web-claim0-persistentvolumeclaim.yaml" created');

  it.each([
    ['on a terminal', true],
    ['off a terminal', false],
  ])('writes the same coloured lines %s', async (_where, isTTY) => {
    const { run } = await setup({ 'docker-compose.yml': COMPOSE });
    expect(await run('kompose convert', isTTY)).toEqual({ stdout: '', stderr: EXPECTED, exitCode: 0 });
  });

  it('ignores CLICOLOR and CLICOLOR_FORCE (kompose leaves EnvironmentOverrideColors off)', async () => {
    const { run } = await setup({ 'docker-compose.yml': COMPOSE });
    expect(await run('CLICOLOR=0 CLICOLOR_FORCE=0 kompose convert', false)).toEqual({ stdout: '', stderr: EXPECTED, exitCode: 0 });
  });

  it('keeps the colours when stderr goes down a pipe or into a file', async () => {
    const { run } = await setup({ 'docker-compose.yml': COMPOSE });
    expect((await run('kompose convert --stdout 2>&1 >/dev/null | cat', false)).stdout).toBe(EXPECTED.split('\x1b[36mINFO')[0]);
    await run('kompose convert 2> log.txt', false);
    expect((await run('cat log.txt', false)).stdout).toBe(EXPECTED);
  });

  it('prints a fatal error the same way off a terminal', async () => {
    const { run } = await setup();
    expect(await run('kompose convert', false)).toEqual({
      stdout: '',
      stderr: '\x1b[31mFATA\x1b[0m Error validating compose file: No compose or docker-compose yaml file found in the current directory \n',
      exitCode: 1,
    });
  });
});

describe('kompose convert flags from the command line', () => {
  it('--replicas, -n and --pvc-request-size set the spec, the namespace (with a Namespace object) and the claim sizes', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    const ns = '  namespace: demo\n';
    expect(await run('kompose convert --stdout --with-kompose-annotation=false --replicas 3 -n demo --pvc-request-size 1Gi')).toEqual({
      stdout:
        SERVICE(ns) +
        '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n  namespace: demo\n\n' +
        deployment(ns, 3, CLAIM_VOLUMES, 'web-claim1') +
        claim('data', ns, '1Gi') +
        claim('web-claim1', ns, '1Gi'),
      stderr: VOLUME_WARNINGS,
      exitCode: 0,
    });
    // the long forms, `=` values and a global flag before the command read the same
    const long = await run('kompose --replicas=3 convert --stdout --with-kompose-annotation=false --namespace=demo --pvc-request-size=1Gi');
    expect(long.stdout).toContain('  replicas: 3\n');
    expect(long.stdout.match(/namespace: demo/g)).toHaveLength(5);
  });

  it('--emptyvols is deprecated and makes emptyDir volumes, without claims', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    expect(await run('kompose convert --emptyvols --stdout --with-kompose-annotation=false')).toEqual({
      stdout: SERVICE() + deployment('', 1, '        - name: data\n        - name: web-empty1\n', 'web-empty1'),
      stderr:
        'Flag --emptyvols has been deprecated, emptyvols has been marked as deprecated. Use --volumes emptyDir\n' +
        WARN('Volume mount on the host "/home/student/html" isn\'t supported - ignoring path on the host'),
      exitCode: 0,
    });
  });

  it('--volumes hostPath mounts the compose directory for a named volume and the bound path for a bind mount', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    expect(await run('kompose convert --stdout --with-kompose-annotation=false --volumes hostPath')).toEqual({
      stdout:
        SERVICE() +
        deployment('', 1, '        - hostPath:\n            path: /home/student\n          name: data\n        - hostPath:\n            path: /home/student/html\n          name: web-hostpath1\n', 'web-hostpath1'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('-o DIR writes into the directory and logs the joined path; -o FILE writes one stream; -o - is --stdout', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    await run('mkdir k8s');
    expect(await run('kompose convert -o k8s --volumes emptyDir --with-kompose-annotation=false')).toEqual({
      stdout: '',
      stderr:
        WARN('Volume mount on the host "/home/student/html" isn\'t supported - ignoring path on the host') +
        INFO('Kubernetes file "k8s/web-service.yaml" created') +
        INFO('Kubernetes file "k8s/web-deployment.yaml" created'),
      exitCode: 0,
    });
    expect((await run('ls k8s', false)).stdout).toBe('web-deployment.yaml\nweb-service.yaml\n');
    expect((await run('cat k8s/web-service.yaml')).stdout).toBe(SERVICE().slice(4, -1));

    const stream = SERVICE() + deployment('', 1, CLAIM_VOLUMES, 'web-claim1') + claim('data', '', '100Mi') + claim('web-claim1', '', '100Mi');
    expect(await run('kompose convert -o all.yaml --with-kompose-annotation=false')).toEqual({ stdout: '', stderr: VOLUME_WARNINGS + INFO('Kubernetes file "all.yaml" created'), exitCode: 0 });
    expect((await run('cat all.yaml')).stdout).toBe(stream);
    expect(await run('kompose convert -o - --with-kompose-annotation=false')).toEqual({ stdout: stream, stderr: VOLUME_WARNINGS, exitCode: 0 });
    expect((await run('kompose convert --stdout -o - --with-kompose-annotation=false')).stdout).toBe(stream);
  });

  it('-f merges several files in order (before or after the command) and --stdout prints the stream', async () => {
    const { run } = await setup({
      'first.yaml': 'services:\n  web:\n    image: nginx:1.25\n',
      'second.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80"\n    environment:\n      MODE: prod\n',
    });
    expect(await run('kompose -f first.yaml convert -f second.yaml --stdout --with-kompose-annotation=false')).toEqual({
      stdout: `---
apiVersion: v1
kind: Service
metadata:
  labels:
    io.kompose.service: web
  name: web
spec:
  ports:
    - name: "80"
      port: 80
      targetPort: 80
  selector:
    io.kompose.service: web

---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    io.kompose.service: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      io.kompose.service: web
  template:
    metadata:
      labels:
        io.kompose.service: web
    spec:
      containers:
        - env:
            - name: MODE
              value: prod
          image: nginx:1.27
          name: web
          ports:
            - containerPort: 80
              protocol: TCP
      restartPolicy: Always

`,
      stderr: '',
      exitCode: 0,
    });
    const one = await run('kompose convert --file=first.yaml --stdout');
    expect(one.stderr).toBe(WARN(`Service "web" won't be created because 'ports' is not specified`));
    expect(one.stdout).toContain('        - image: nginx:1.25\n');
    expect(one.stdout).toContain('    kompose.cmd: kompose convert --file=first.yaml --stdout\n');
  });
});

describe('kompose command-line errors', () => {
  const usageError = (usage: string, message: string) => ({ stdout: '', stderr: `${usage}\n${message}\n`, exitCode: 1 });

  it('prints the usage, a blank line and the bare error when a flag does not parse (SilenceErrors, main prints the error)', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    const convert = COMMANDS.convert.usage;
    expect(convert.startsWith('Usage:\n  kompose convert [flags]\n\nExamples:\n  kompose --file compose.yaml convert\n')).toBe(true);
    expect(await run('kompose convert --bogus')).toEqual(usageError(convert, 'unknown flag: --bogus'));
    expect(await run('kompose convert -x')).toEqual(usageError(convert, "unknown shorthand flag: 'x' in -x"));
    expect(await run('kompose convert --out')).toEqual(usageError(convert, 'flag needs an argument: --out'));
    expect(await run('kompose convert -n')).toEqual(usageError(convert, "flag needs an argument: 'n' in -n"));
    expect(await run('kompose convert --replicas two')).toEqual(
      usageError(convert, 'invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax'),
    );
    expect(await run('kompose convert --stdout=yes')).toEqual(
      usageError(convert, 'invalid argument "yes" for "--stdout" flag: strconv.ParseBool: parsing "yes": invalid syntax'),
    );
    expect(await run('kompose convert --json=maybe')).toEqual(
      usageError(convert, 'invalid argument "maybe" for "-j, --json" flag: strconv.ParseBool: parsing "maybe": invalid syntax'),
    );
    expect(await run('kompose --bogus')).toEqual(usageError(COMMANDS[''].usage, 'unknown flag: --bogus'));
    expect(await run('kompose version -o x')).toEqual(usageError(COMMANDS.version.usage, "unknown shorthand flag: 'o' in -o"));
    expect(COMMANDS.version.usage).toBe(`Usage:
  kompose version [flags]

Flags:
  -h, --help   help for version

Global Flags:
      --error-on-warning    Treat any warning as an error
  -f, --file stringArray    Specify an alternative compose file
      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")
      --suppress-warnings   Suppress all warnings
  -v, --verbose             verbose output
`);
  });

  it('answers an unknown command with the bare error and cobra\'s suggestions', async () => {
    const { run } = await setup();
    expect(await run('kompose deploy')).toEqual({ stdout: '', stderr: 'unknown command "deploy" for "kompose"\n', exitCode: 1 });
    expect(await run('kompose convrt')).toEqual({ stdout: '', stderr: 'unknown command "convrt" for "kompose"\n\nDid you mean this?\n\tconvert\n\n', exitCode: 1 });
    expect(await run('kompose -f x.yaml ver')).toEqual({ stdout: '', stderr: 'unknown command "ver" for "kompose"\n\nDid you mean this?\n\tversion\n\n', exitCode: 1 });
  });

  it('stops with kompose\'s fatal messages for values it refuses, in ValidateFlags\' order', async () => {
    const { run } = await setup({ 'compose.yaml': VOLUMES });
    const fatal = (m: string) => ({ stdout: '', stderr: FATA(m), exitCode: 1 });
    expect(await run('kompose convert --replicas -1')).toEqual(fatal('Error: --replicas cannot be negative'));
    expect(await run('kompose convert --volumes nfs')).toEqual(fatal("Unknown Volume type: nfs, possible values are: 'persistentVolumeClaim' 'emptyDir' 'hostPath' 'configMap'"));
    expect(await run('kompose convert --stdout -o k8s')).toEqual(fatal("Error: --out and --stdout can't be set at the same time"));
    expect(await run('kompose convert compose.yaml')).toEqual(fatal('Unknown Argument(s): compose.yaml'));
    // --out with --stdout is checked before the replicas, the replicas before the arguments, the arguments before the volumes
    expect(await run('kompose convert a b --volumes nfs --replicas -2 --stdout -o x')).toEqual(fatal("Error: --out and --stdout can't be set at the same time"));
    expect(await run('kompose convert a b --volumes nfs --replicas -2')).toEqual(fatal('Error: --replicas cannot be negative'));
    expect(await run('kompose convert a b --volumes nfs')).toEqual(fatal('Unknown Argument(s): a,b'));
    expect(await run('kompose convert --provider docker')).toEqual(fatal("docker is an unsupported provider. Supported providers are: 'kubernetes', 'openshift'."));
    expect(await run('kompose convert -j -y')).toEqual({
      stdout: '',
      stderr:
        'Flag shorthand -y has been deprecated, YAML is the default format now\nFlag --yaml has been deprecated, YAML is the default format now\n' +
        FATA('YAML and JSON format cannot be provided at the same time'),
      exitCode: 1,
    });
    expect(await run('kompose convert --build-repo https://example.com/x.git')).toEqual(fatal('--build-repo is an Openshift only flag'));
  });

  it('checks completion\'s argument as kompose does (the scripts are not simulated)', async () => {
    const { run } = await setup();
    expect(await run('kompose completion')).toEqual({ stdout: '', stderr: FATA('Error: shell not specified. ex. kompose completion [bash|zsh|fish]'), exitCode: 1 });
    expect(await run('kompose completion tcsh')).toEqual({ stdout: '', stderr: FATA('Error: not a compatible shell, bash, zsh and fish are only supported'), exitCode: 1 });
    expect(await run('kompose completion bash zsh')).toEqual({
      stdout: '',
      stderr: FATA('Error: too many arguments. Expected only the shell type. ex. kompose completion [bash|zsh|fish]'),
      exitCode: 1,
    });
    expect((await run('kompose completion -h')).stdout).toBe(`Generates shell completion code.

Auto completion supports bash, zsh and fish. Output is to STDOUT.

source <(kompose completion bash)
source <(kompose completion zsh)
kompose completion fish | source

Will load the shell completion code.

Usage:
  kompose completion SHELL [flags]

Flags:
  -h, --help   help for completion

Global Flags:
      --error-on-warning    Treat any warning as an error
  -f, --file stringArray    Specify an alternative compose file
      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")
      --suppress-warnings   Suppress all warnings
  -v, --verbose             verbose output
`);
  });

  it('names the missing file with its absolute path', async () => {
    const { run } = await setup();
    expect(await run('kompose -f nope.yaml convert')).toEqual({
      stdout: '',
      stderr: FATA('Unable to load files: open /home/student/nope.yaml: no such file or directory'),
      exitCode: 1,
    });
  });

  it('prints the help on stdout for --help, -h, `help COMMAND`; an unknown topic gets the root usage on stderr', async () => {
    const { run } = await setup();
    expect(await run('kompose convert --help')).toEqual({ stdout: COMMANDS.convert.help, stderr: '', exitCode: 0 });
    expect(COMMANDS.convert.help.startsWith('Convert a Compose file\n\nUsage:\n  kompose convert [flags]\n')).toBe(true);
    expect(await run('kompose help convert')).toEqual({ stdout: COMMANDS.convert.help, stderr: '', exitCode: 0 });
    expect(await run('kompose -h')).toEqual({ stdout: COMMANDS[''].help, stderr: '', exitCode: 0 });
    expect(await run('kompose')).toEqual({ stdout: COMMANDS[''].help, stderr: '', exitCode: 0 });
    expect(await run('kompose help nope')).toEqual({ stdout: '', stderr: `Unknown help topic [\`nope\`]\n${COMMANDS[''].usage}`, exitCode: 0 });
  });
});

describe('kompose up and down (1.21)', () => {
  it('up creates the objects as kompose 1.21 did, and down deletes them', async () => {
    const { sandbox, run } = await setup({ 'docker-compose.yml': COMPOSE });
    const convertLog =
      WARN(`Service "redis" won't be created because 'ports' is not specified`) +
      WARN("File don't exist or failed to check if the directory is empty: stat /home/student/data: no such file or directory") +
      WARN('Volume mount on the host "/home/student/data" isn\'t supported - ignoring path on the host');
    expect(await run('kompose up', false)).toEqual({
      stdout: "\nYour application has been deployed to Kubernetes. You can run 'kubectl get deployment,svc,pods,pvc' for details.\n",
      stderr:
        UP_NOTE +
        convertLog +
        `\x1b[36mINFO\x1b[0m We are going to create Kubernetes Deployments, Services and PersistentVolumeClaims for your Dockerized application. If you need different kind of resources, use the 'kompose convert' and 'kubectl create -f' commands instead. \n \n` +
        INFO('Deploying application in "default" namespace') +
        INFO('Successfully created Service: web') +
        INFO('Successfully created Deployment: redis') +
        INFO('Successfully created Deployment: web') +
        INFO(
          "Successfully created PersistentVolumeClaim: web-claim0 of size 100Mi. If your cluster has dynamic storage provisioning, you don't have to do anything. Otherwise you have to create PersistentVolume to make PVC work",
        ),
      exitCode: 0,
    });
    expect(sandbox.cluster.api.get('deployments', 'default', 'web').metadata.annotations?.['kompose.cmd']).toBe('kompose up');
    expect(sandbox.cluster.api.get('persistentvolumeclaims', 'default', 'web-claim0').status?.phase).toBe('Pending');
    const again = await run('kompose up');
    expect(again.exitCode).toBe(1);
    expect(again.stderr.endsWith(INFO('Deploying application in "default" namespace') + FATA('Error while deploying application: services "web" already exists'))).toBe(true);
    expect(await run('kompose down')).toEqual({
      stdout: '',
      stderr:
        UP_NOTE +
        convertLog +
        INFO('Deleting application in "default" namespace') +
        INFO('Successfully deleted Service: web') +
        INFO('Successfully deleted Deployment: redis') +
        INFO('Successfully deleted Deployment: web') +
        INFO('Successfully deleted PersistentVolumeClaim: web-claim0'),
      exitCode: 0,
    });
    expect(sandbox.cluster.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });

  it('takes 1.21\'s flags (--namespace without -n, no --stdout), and printed cobra\'s "Error:" line and the usage before the error', async () => {
    const { sandbox, run } = await setup({ 'docker-compose.yaml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "80"\n' });
    expect(await run('kompose up --stdout')).toEqual({
      stdout: '',
      stderr: `${UP_NOTE}Error: unknown flag: --stdout\n${COMMANDS.up.usage}\nunknown flag: --stdout\n`,
      exitCode: 1,
    });
    expect((await run('kompose up -n demo')).stderr).toBe(`${UP_NOTE}Error: unknown shorthand flag: 'n' in -n\n${COMMANDS.up.usage}\nunknown shorthand flag: 'n' in -n\n`);
    await run('kubectl create namespace demo');
    const up = await run('kompose up --namespace demo --replicas 2');
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toContain(INFO('Deploying application in "demo" namespace'));
    expect(sandbox.cluster.api.get('deployments', 'demo', 'web').spec.replicas).toBe(2);
  });

  it('looks only for docker-compose.yml and docker-compose.yaml, as 1.21 did', async () => {
    const { run } = await setup({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    expect(await run('kompose up')).toEqual({ stdout: '', stderr: UP_NOTE + FATA("No 'docker-compose' file found: stat docker-compose.yaml: no such file or directory"), exitCode: 1 });
  });
});
