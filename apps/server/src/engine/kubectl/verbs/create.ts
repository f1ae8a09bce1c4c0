// kubectl create -f, and the generators: create namespace|deployment|service|configmap|secret|
// serviceaccount. Objects are built client-side exactly as kubectl builds them, then sent.

import { listedShort } from '../help/help';
import { nameHash } from '../name-hash';
import { goQuote, goSprint } from '../printers/go-format';
import { notSupported } from './not-supported';
import { toCompactJson } from '../printers/json';
import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, VALIDATE_FLAG } from '../command';
import { CommandError, UsageError } from '../context';
import { FlagSpec } from '../flags';
import { printName } from '../printers/get-printer';
import { objectOutput, printObjects, printOptions } from '../output';
import { dryRunMode, dryRunSuffix, LAST_APPLIED, loadDocs, prepare, recorded, objectErrorText, strictCheck, withLastApplied } from '../object-ops';
import { inStructOrder } from '../printers/go-struct-order';
import { encodeBase64 } from '../../api/defaults/base64';
import { isDNS1123Subdomain } from '../../api/validation/names';
import { parseTcpSpec } from './service-ports';
import { aggregateErrors } from '../errors';

const WRITE_FLAGS: FlagSpec[] = [OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, fieldManagerFlag('kubectl-create'), { name: 'save-config', type: 'bool' }, { name: 'show-managed-fields', type: 'bool' }, ...PRINT_FLAGS];

/** Sends one generated object and prints what kubectl prints. */
function send(inv: Invocation, obj: KubeObject): number {
  const mode = dryRunMode(inv);
  const output = objectOutput(inv.flags);
  const api = inv.api();
  const info = api.infoFor(obj);
  // the generated object names a namespace only when -n did (kubectl's EnforceNamespace)
  if (info.namespaced && inv.namespaceExplicit()) obj.metadata.namespace = inv.namespace();
  // --save-config: the Go value as json encodes it (struct order, zero timestamps), one newline;
  // kubectl v1.32's service generators take the flag and write no annotation
  if (inv.flags.bool('save-config') && obj.kind !== 'Service') {
    const config = `${toCompactJson(inStructOrder(clientView(obj)), false)}\n`;
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: config };
  }
  const toSend = info.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace: inv.namespace() } } : obj;
  const result = mode === 'client' ? obj : api.create(toSend, { dryRun: mode === 'server' });
  if (output.kind === 'table') inv.out(printName(result, `created${dryRunSuffix(mode)}`));
  else inv.out(printObjects([mode === 'client' ? clientView(result) : result], output, printOptions(inv.flags, true, true)));
  return 0;
}

/** What `--dry-run=client -o yaml` shows: the object as built, with the null timestamp and empty status. */
function clientView(obj: KubeObject): KubeObject {
  const out: KubeObject = { ...obj, metadata: { ...obj.metadata, creationTimestamp: null } };
  if (obj.kind === 'Deployment' || obj.kind === 'Namespace') out.status = {};
  // the pod template's zero timestamp is printed too (Go's zero metav1.Time)
  const template = (obj.spec as { template?: KubeObject } | undefined)?.template;
  if (template) out.spec = { ...obj.spec, template: { ...template, metadata: { ...template.metadata, creationTimestamp: null } } };
  if (obj.kind === 'Service') out.status = { loadBalancer: {} };
  return out;
}

function nameArg(inv: Invocation): string {
  // what follows `--` is a command (create deployment), not a name
  const names = inv.args.slice(0, inv.args.length - inv.dashArgs().length);
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  return names[0];
}

const createNamespace: CommandDef = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: WRITE_FLAGS,
  run: (inv) => send(inv, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: nameArg(inv) }, spec: {} }),
};

const createServiceAccount: CommandDef = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  flags: WRITE_FLAGS,
  run: (inv) => send(inv, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: nameArg(inv) } }),
};

/** container name from an image: basename without tag or digest, `.` and `_` made `-` */
export function containerNameFromImage(image: string): string {
  let base = image.split('/').pop() ?? image;
  base = base.split('@')[0].split(':')[0];
  return base.replace(/[._]/g, '-');
}

const createDeployment: CommandDef = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [...WRITE_FLAGS, { name: 'image', type: 'stringSlice', required: true }, { name: 'replicas', shorthand: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
  run(inv) {
    const name = nameArg(inv);
    const images = inv.flags.list('image');
    const command = inv.dashArgs();
    const port = inv.flags.int('port');
    if (images.length > 1 && command.length) throw new CommandError('error: cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers = images.map((image) => ({
      name: containerNameFromImage(image),
      image,
      ...(command.length ? { command } : {}),
      ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    }));
    return send(inv, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas: inv.flags.int('replicas'),
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
    });
  },
};

function serviceGenerator(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName', name: string): CommandDef {
  const flags: FlagSpec[] = [...WRITE_FLAGS, { name: 'tcp', type: 'stringSlice' }];
  if (type === 'ClusterIP') flags.push({ name: 'clusterip', type: 'string' });
  if (type === 'NodePort') flags.push({ name: 'node-port', type: 'int', default: 0 });
  if (type === 'ExternalName') flags.push({ name: 'external-name', type: 'string', required: true });
  return {
    name,
    short: `Create a ${type} service`,
    flags,
    run(inv) {
      const svcName = nameArg(inv);
      const tcp = inv.flags.list('tcp');
      if (type !== 'ExternalName' && tcp.length === 0 && inv.flags.str('clusterip') !== 'None') {
        throw new CommandError('error: at least one tcp port specifier must be provided');
      }
      if (type === 'ExternalName' && isDNS1123Subdomain(inv.flags.str('external-name')).length) throw new CommandError(`error: invalid service external name ${inv.flags.str('external-name')}`);
      const ports = tcp.map((spec) => {
        const { name: portName, port, targetPort } = parseTcpSpec(spec);
        const out: Record<string, unknown> = { name: portName, port, protocol: 'TCP', targetPort };
        if (type === 'NodePort' && inv.flags.int('node-port') > 0) out.nodePort = inv.flags.int('node-port');
        return out;
      });
      // kubectl sets the app=<name> selector on every type, ExternalName included; no ports is no field
      const spec: Record<string, unknown> = { ...(ports.length ? { ports } : {}), selector: { app: svcName }, type };
      if (type === 'ClusterIP' && inv.flags.str('clusterip')) spec.clusterIP = inv.flags.str('clusterip');
      if (type === 'ExternalName') spec.externalName = inv.flags.str('external-name');
      return send(inv, { apiVersion: 'v1', kind: 'Service', metadata: { name: svcName, labels: { app: svcName } }, spec });
    },
  };
}

const createService: CommandDef = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [serviceGenerator('ClusterIP', 'clusterip'), serviceGenerator('NodePort', 'nodeport'), serviceGenerator('LoadBalancer', 'loadbalancer'), serviceGenerator('ExternalName', 'externalname')],
};

/**
 * --from-file=[key=]path, --from-literal=k=v and --from-env-file, read as the configmap and secret
 * generators read them: env files may not be combined with the others; a ConfigMap takes files,
 * then literals, a Secret literals, then files (then env files for both); every key must be a
 * valid config key (IsConfigMapKey), and a key given twice is refused, each in its generator's
 * own words.
 */
function collectData(inv: Invocation, kind: 'ConfigMap' | 'Secret'): Record<string, string> {
  const files = inv.flags.list('from-file');
  const literals = inv.flags.list('from-literal');
  const envFiles = inv.flags.list('from-env-file');
  if (envFiles.length && (files.length || literals.length)) throw new CommandError('error: from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    const errs = configKeyErrors(key);
    if (errs.length) {
      throw new CommandError(kind === 'ConfigMap' ? `error: ${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}` : `error: ${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    }
    if (key in data) {
      throw new CommandError(
        kind === 'ConfigMap' ? `error: cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(inv.args[0])}` : `error: cannot add key ${key}, another key by that name already exists`,
      );
    }
    data[key] = value;
  };
  const fromFiles = (): void => {
    for (const src of files) {
      const eq = src.indexOf('=');
      const key = eq > 0 ? src.slice(0, eq) : (src.split('/').pop() ?? src);
      const path = eq > 0 ? src.slice(eq + 1) : src;
      if (!inv.host.fs.exists(path)) throw new CommandError(`error: error reading ${path}: no such file or directory`);
      if (inv.host.fs.isDir(path)) {
        if (eq > 0) throw new CommandError('error: cannot give a key name for a directory path');
        // the directory's regular files, by name; what is in its subdirectories is left out
        for (const f of inv.host.fs.readDir(path).sort()) if (!inv.host.fs.isDir(`${path}/${f}`)) add(f, inv.host.fs.readFile(`${path}/${f}`));
      } else add(key, inv.host.fs.readFile(path));
    }
  };
  const fromLiterals = (): void => {
    for (const lit of literals) {
      const eq = lit.indexOf('=');
      if (eq <= 0) throw new CommandError(`error: invalid literal source ${lit}, expected key=value`);
      add(lit.slice(0, eq), lit.slice(eq + 1));
    }
  };
  if (kind === 'ConfigMap') {
    fromFiles();
    fromLiterals();
  } else {
    fromLiterals();
    fromFiles();
  }
  for (const path of envFiles) {
    if (!inv.host.fs.exists(path)) throw new CommandError(`error: open ${path}: no such file or directory`);
    for (const [key, value] of envFileEntries(inv.host.fs.readFile(path), inv.host.env)) add(key, value);
  }
  return data;
}

/** validation.IsConfigMapKey, which ConfigMap and Secret keys both answer to */
function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** validation.IsEnvVarName, as kubectl checks an env file's keys */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_VAR_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

function envVarNameErrors(key: string): string[] {
  const errors = ENV_VAR_NAME.test(key) ? [] : [ENV_VAR_NAME_ERROR];
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/**
 * kubectl's env file (processEnvFileLine): leading blanks trimmed, `#` comments and blank lines
 * skipped, `KEY=value` with the value as written (trailing blanks kept), a bare `KEY` taking its
 * value from kubectl's environment; a key that is no environment variable name is an error.
 */
function envFileEntries(text: string, env: Readonly<Record<string, string>>): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, n) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (n === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const problems = envVarNameErrors(key);
    if (problems.length) throw new CommandError(`error: ${goQuote(key)} is not a valid key name: ${problems.join(';')}`);
    out.push([key, eq < 0 ? (env[key] ?? '') : line.slice(eq + 1)]);
  });
  return out;
}

/** --append-hash: the name gets kubectl's hash of the kind, name and data (name-hash.ts) */
function withHash(inv: Invocation, obj: KubeObject): KubeObject {
  if (!inv.flags.bool('append-hash')) return obj;
  return { ...obj, metadata: { ...obj.metadata, name: `${obj.metadata.name}-${nameHash(obj)}` } };
}

const DATA_FLAGS: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringSlice' },
  { name: 'from-env-file', type: 'stringSlice' },
  { name: 'append-hash', type: 'bool' },
];

const createConfigMap: CommandDef = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [...WRITE_FLAGS, ...DATA_FLAGS],
  run(inv) {
    const name = nameArg(inv);
    const data = collectData(inv, 'ConfigMap');
    return send(inv, withHash(inv, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...(Object.keys(data).length ? { data } : {}) }));
  },
};

const createSecretGeneric: CommandDef = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [...WRITE_FLAGS, ...DATA_FLAGS, { name: 'type', type: 'string' }],
  run(inv) {
    const name = nameArg(inv);
    const data = collectData(inv, 'Secret');
    const encoded: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) encoded[k] = encodeBase64(v);
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...(Object.keys(encoded).length ? { data: encoded } : {}) };
    if (inv.flags.str('type')) obj.type = inv.flags.str('type');
    return send(inv, withHash(inv, obj));
  },
};

/**
 * kubectl create secret docker-registry: a kubernetes.io/dockerconfigjson Secret whose
 * .dockerconfigjson holds {"auths":{SERVER:{username,password,email,auth}}} (auth is
 * base64 of user:password), or the file given with --from-file.
 */
const createSecretDockerRegistry: CommandDef = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  flags: [
    ...WRITE_FLAGS,
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'from-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  run(inv) {
    const name = nameArg(inv);
    const { flags } = inv;
    let data: Record<string, string>;
    if (flags.list('from-file').length) {
      data = collectData(inv, 'Secret');
    } else {
      const [server, username, password, email] = ['docker-server', 'docker-username', 'docker-password', 'docker-email'].map((f) => flags.str(f));
      if (!username || !password || !server) throw new CommandError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      // Go's encoding/json field order, email left out when empty
      const entry = { username, password, ...(email ? { email } : {}), auth: encodeBase64(`${username}:${password}`) };
      data = { '.dockerconfigjson': toCompactJson({ auths: { [server]: entry } }, false) };
    }
    const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)]));
    return send(inv, withHash(inv, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'kubernetes.io/dockerconfigjson', data: encoded } as KubeObject));
  },
};

const createSecret: CommandDef = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  subcommands: [createSecretDockerRegistry, createSecretGeneric, notSupported('create secret tls', listedShort('create secret', 'tls'), 'certificates are not read here; write the Secret (type kubernetes.io/tls) as a manifest and use kubectl apply -f')],
};

/** kubectl's create generators for what the simulated cluster does not serve or issue */
const refused = (name: string, why: string, aliases?: string[]): CommandDef => ({ ...notSupported(`create ${name}`, listedShort('create', name), why), aliases });
const RBAC = 'RBAC objects are written as manifests here; use kubectl apply -f';
const NO_API = (what: string): string => `the simulated cluster does not serve ${what}`;

export const createCommand: CommandDef = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, ...WRITE_FLAGS, RECORD_FLAG, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }, { name: 'selector', shorthand: 'l', type: 'string' }, { name: 'windows-line-endings', type: 'bool' }, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  // in the order kubectl lists them
  subcommands: [
    refused('clusterrole', RBAC),
    refused('clusterrolebinding', RBAC),
    createConfigMap,
    refused('cronjob', NO_API('CronJobs (batch/v1)'), ['cj']),
    createDeployment,
    refused('ingress', NO_API('Ingresses (networking.k8s.io/v1)'), ['ing']),
    refused('job', NO_API('Jobs (batch/v1)')),
    createNamespace,
    refused('poddisruptionbudget', NO_API('PodDisruptionBudgets (policy/v1)'), ['pdb']),
    refused('priorityclass', NO_API('PriorityClasses (scheduling.k8s.io/v1)'), ['pc']),
    refused('quota', NO_API('ResourceQuotas'), ['resourcequota']),
    refused('role', RBAC),
    refused('rolebinding', RBAC),
    createSecret,
    createService,
    createServiceAccount,
    refused('token', 'the simulated API server issues no service account tokens'),
  ],
  run: runCreateFromFiles,
};

function runCreateFromFiles(inv: Invocation): number {
  // ValidateArgs, then RunCreate's check for files (a plain error, no usage line)
  if (inv.args.length) throw new UsageError(`Unexpected args: ${goSprint(inv.args)}`);
  if (inv.flags.list('filename').length === 0) throw new CommandError('error: must specify one of -f and -k');
  const { docs, problems } = loadDocs(inv);
  if (docs.length === 0 && problems.length === 0) throw new CommandError('error: no objects passed to create');
  const mode = dryRunMode(inv);
  const output = objectOutput(inv.flags);
  // errors print once the documents are visited, as one Aggregate (kubectl's CheckErr)
  const errors = problems.map((p) => (p.endsWith('\n') ? p : `${p}\n`));
  const printed: KubeObject[] = [];
  for (const doc of docs) {
    try {
      const p = prepare(inv, doc);
      strictCheck(inv, p, 'creating');
      const obj = recorded(inv, inv.flags.bool('save-config') ? withLastApplied(p.obj) : p.obj);
      const result = mode === 'client' ? obj : inv.api().create(obj, { dryRun: mode === 'server' });
      if (mode === 'none') inv.settle();
      if (output.kind === 'table') inv.out(printName(result, `created${dryRunSuffix(mode)}`));
      else printed.push(result);
    } catch (e) {
      errors.push(objectErrorText(e, 'creating', doc.source));
    }
  }
  if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
  if (errors.length) inv.err(aggregateErrors(errors));
  return errors.length ? 1 : 0;
}
