// kubectl run: a single pod labelled run=<name>, with --image, --port, --labels, --env,
// --restart, --command and `-- args`; -i/-t attach to it (output streamed until it ends) and
// --rm deletes it afterwards.

import { KubeObject, Pod } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../command';
import { CommandError } from '../context';
import { printName } from '../printers/get-printer';
import { objectOutput, printObjects, printOptions } from '../output';
import { DryRun, dryRunMode, dryRunSuffix, recorded } from '../object-ops';
import { isImageReference } from '../../images/image-ref';
import { watchLoop } from '../watch';
import { containerLogLines } from '../pod-logs';
import { applyOverrides, OVERRIDE_FLAGS } from '../overrides';
import { lookupImage } from '../../images/catalog';
import { processArgv } from '../../controllers/kubelet/process-model';
import { runningContainer } from '../../controllers/kubelet/runtime-query';
import type { ContainerTarget } from '../../containers/container-shell';
import { openContainerShell } from '../../containers/interactive';
import { openMysqlMonitor } from '../../containers/mysql-repl';
import { opensMonitor } from '../../containers/mysql-client';

export const runCommand: CommandDef = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', type: 'string', required: true },
    { name: 'port', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'command', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'expose', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
    ...OVERRIDE_FLAGS,
    { name: 'save-config', type: 'bool' },
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-run'),
    RECORD_FLAG,
    ...PRINT_FLAGS,
    // kubectl's delete flags, for the pod --rm deletes (the simulation deletes it at once)
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runRun,
};

function parseLabels(text: string, name: string): Record<string, string> {
  if (!text) return { run: name };
  const out: Record<string, string> = {};
  // as kubectl's ParseLabels: each `k=v` exactly, a key not empty
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new CommandError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new CommandError('error: unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

async function runRun(inv: Invocation): Promise<number> {
  const { flags } = inv;
  if (inv.args.length === 0) throw new CommandError('error: NAME is required for run\nSee \'kubectl run -h\' for help and examples');
  const name = inv.args[0];
  const dash = inv.dashArgs();
  const extra = inv.args.slice(1, inv.args.length - dash.length);
  const containerArgs = [...extra, ...dash];
  // kubectl's checks, in its order
  const usage = (message: string): CommandError => new CommandError(`error: ${message}\nSee 'kubectl run -h' for help and examples`);
  const image = flags.str('image');
  if (!isImageReference(image)) throw new CommandError(`error: Invalid image name "${image}": invalid reference format`);
  const interactive = flags.bool('stdin');
  const tty = flags.bool('tty');
  if (tty && !interactive) throw usage('-i/--stdin is required for containers with -t/--tty=true');
  if (flags.bool('expose') && !flags.str('port')) throw usage('--port must be set when exposing a service');
  const restart = flags.str('restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(`invalid restart policy: ${restart}`);
  const rm = flags.bool('rm');
  const attach = flags.bool('attach') || interactive;
  if (rm && !attach) throw usage('--rm should only be used for attached containers');
  const mode = dryRunMode(inv);
  if (attach && mode !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = flags.str('image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw usage(`invalid image pull policy: ${pullPolicy}`);

  const container: Record<string, unknown> = { name, image };
  if (containerArgs.length) container[flags.bool('command') ? 'command' : 'args'] = containerArgs;
  if (flags.list('env').length) {
    container.env = flags.list('env').map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new CommandError(`error: invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  if (flags.str('image-pull-policy')) container.imagePullPolicy = flags.str('image-pull-policy');
  if (flags.str('port')) {
    const port = Number(flags.str('port'));
    if (!Number.isInteger(port)) throw new CommandError(`error: strconv.Atoi: parsing "${flags.str('port')}": invalid syntax`);
    container.ports = [{ containerPort: port }];
  }
  if (interactive) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  container.resources = {};
  if (flags.bool('privileged')) container.securityContext = { privileged: true };
  const generated: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: parseLabels(flags.str('labels'), name) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const annotations = flags.list('annotations');
  if (annotations.length) {
    generated.metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  }
  const pod = recorded(inv, applyOverrides(inv, generated));

  const output = objectOutput(flags);
  // one printer prints the service and the pod: its YAML separates the second with `---`
  let shownCount = 0;
  const show = (obj: KubeObject, fresh: boolean): string => {
    if (output.kind === 'table') return printName(obj, `created${dryRunSuffix(mode)}`);
    const text = printObjects([fresh ? { ...obj, metadata: { ...obj.metadata, creationTimestamp: null } } : obj], output, printOptions(inv.flags, true, true));
    return output.kind === 'yaml' && shownCount++ > 0 ? `---\n${text}` : text;
  };
  // the generated objects name a namespace only when -n did (kubectl's EnforceNamespace)
  if (inv.namespaceExplicit()) pod.metadata.namespace = inv.namespace();
  if (mode === 'client') {
    // kubectl makes the pod first but prints the service as soon as it is made, the pod last
    if (flags.bool('expose')) exposeService(inv, mode, name, flags.str('labels'), flags.str('port'), show);
    inv.out(show(pod, true));
    return 0;
  }
  const api = inv.api();
  pod.metadata.namespace = inv.namespace();
  const created = api.create(pod, { dryRun: mode === 'server' }) as Pod;
  const exposeError = flags.bool('expose') ? exposeService(inv, mode, name, flags.str('labels'), flags.str('port'), show) : undefined;
  inv.settle();
  if (!attach) {
    inv.out(show(created, false));
    if (exposeError) throw exposeError;
    return 0;
  }
  if (tty && !inv.host.isTTY) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (tty && inv.host.isTTY && inv.host.attachContainer) {
    const attached = await attachTerminal(inv, created, rm);
    if (attached !== undefined) {
      if (exposeError) throw exposeError;
      return attached;
    }
  }
  const code = await attachAndWait(inv, created, rm);
  if (exposeError) throw exposeError;
  return code;
}

/** the waiting reasons that end kubectl's wait for the pod: it will not start by itself */
const STUCK = ['ErrImagePull', 'ImagePullBackOff', 'CreateContainerConfigError'];

/**
 * `run -it` at a terminal whose program is a shell or the mysql client's monitor: once the pod
 * runs, the terminal is attached to it as `kubectl exec -it` attaches one (leaving it ends the
 * container, interactive.ts). Undefined for any other program, or a pod that does not start:
 * its output is streamed instead.
 */
async function attachTerminal(inv: Invocation, pod: Pod, rm: boolean): Promise<number | undefined> {
  const spec = pod.spec.containers[0];
  const found = lookupImage(spec.image ?? '');
  if (!found.ok) return undefined;
  const argv = processArgv(spec, found.info, []);
  const prog = argv[0]?.split('/').pop() ?? '';
  const shell = ['sh', 'bash', 'ash'].includes(prog) && argv.length === 1;
  const monitor = opensMonitor(argv);
  if (!shell && !monitor) return undefined;
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const cluster = inv.host.cluster;
  const runningNow = (): boolean => !!runningContainer(cluster.api, cluster.runtime, ns, name, spec.name);
  const gone = (): boolean => {
    const cur = cluster.api.tryGet('pods', ns, name) as Pod | undefined;
    return !cur || cur.status?.phase === 'Succeeded' || cur.status?.phase === 'Failed' || STUCK.includes(cur.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '');
  };
  if (!runningNow() && (await watchLoop(inv, undefined, () => undefined, { onTick: () => runningNow() || gone() })) !== 'done') return undefined;
  const running = runningContainer(cluster.api, cluster.runtime, ns, name, spec.name);
  if (!running) return undefined;
  const target: ContainerTarget = { pod: running.pod as Pod, container: spec, image: found.info, running };
  inv.err("If you don't see a command prompt, try pressing enter.\n");
  if (shell) return openContainerShell(inv, target, prog, { rm }) ? 0 : undefined;
  const opened = await openMysqlMonitor(inv, target, argv, { rm });
  return opened === false ? undefined : opened;
}

/**
 * Streams the pod's output until its container ends (`-i` without a terminal), then deletes it
 * with --rm. The exit code is the container's, as kubectl run reports it.
 */
async function attachAndWait(inv: Invocation, pod: Pod, rm: boolean): Promise<number> {
  const api = inv.host.cluster.api;
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  let printed = 0;
  let exitCode = 0;
  const flush = (): void => {
    const lines = containerLogLines(inv.host.cluster, ns, name, pod.spec.containers[0].name);
    for (; printed < lines.length; printed++) inv.out(`${lines[printed]}\n`);
  };
  const done = (): boolean => {
    flush();
    const cur = api.tryGet('pods', ns, name) as Pod | undefined;
    if (!cur) return true;
    const st = cur.status?.containerStatuses?.[0];
    const phase = cur.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      exitCode = st?.state?.terminated?.exitCode ?? (phase === 'Failed' ? 1 : 0);
      return true;
    }
    return STUCK.includes(st?.state?.waiting?.reason ?? '');
  };
  const result = done() ? 'done' : await watchLoop(inv, undefined, () => undefined, { onTick: done });
  const cur = api.tryGet('pods', ns, name) as Pod | undefined;
  const waiting = cur?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
  if (result === 'timeout' || waiting) {
    inv.err(`error: timed out waiting for the condition\n`);
    exitCode = 1;
  }
  if (result === 'interrupted') exitCode = 130;
  if (rm && cur) {
    api.delete('pods', ns, name, {});
    inv.settle();
    inv.out(`pod "${name}" deleted\n`);
  }
  // run.go: a pod that ended Failed is the command's error (after --rm's deferred delete)
  if (result === 'done' && cur?.status?.phase === 'Failed') {
    const terminated = cur.status.containerStatuses?.[0]?.state?.terminated;
    if (!terminated?.exitCode) throw new CommandError(`error: pod ${ns}/${name} failed with unknown exit code`);
    throw new CommandError(`pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`, terminated.exitCode);
  }
  return exitCode;
}

/**
 * --expose: the ClusterIP service kubectl's ServiceGeneratorV2 makes for the pod, selecting it
 * by its --labels (or run=NAME) on --port, printed as soon as it is made (YAML followed by `---`,
 * and the pod's YAML after it starts with its own).
 */
function exposeService(inv: Invocation, mode: DryRun, name: string, labelsText: string, portText: string, show: (obj: KubeObject, fresh: boolean) => string): unknown {
  const port = Number(portText);
  const svc: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labelsText ? { labels: parseLabels(labelsText, name) } : {}) },
    spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: parseLabels(labelsText, name) },
  };
  let shown: KubeObject;
  if (inv.namespaceExplicit()) svc.metadata.namespace = inv.namespace();
  if (mode === 'client') shown = { ...svc, status: { loadBalancer: {} } };
  else {
    svc.metadata.namespace = inv.namespace();
    try {
      shown = inv.api().create(svc, { dryRun: mode === 'server' });
    } catch (e) {
      // the pod stays; the error is reported after it, as kubectl aggregates its errors
      return e;
    }
  }
  inv.out(show(shown, mode === 'client'));
  if (inv.flags.str('output') === 'yaml') inv.out('---\n');
  return undefined;
}
