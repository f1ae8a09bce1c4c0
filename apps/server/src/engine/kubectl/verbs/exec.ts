// kubectl exec: POD or TYPE/NAME, -c, -i, -t, `-- COMMAND [args...]`. The command runs in the
// simulated container (containers/container-shell.ts); a program the image lacks is the
// container runtime's error, a non-zero exit is `command terminated with exit code N`.

import { ApiError, isApiError } from '../../api/errors';
import { Pod } from '../../api/types';
import { runningContainer } from '../../controllers/kubelet/runtime-query';
import { podHasContainer } from '../../controllers/kubelet/logs';
import { lookupImage } from '../../images/catalog';
import { CommandDef, FILENAME_FLAG, Invocation } from '../command';
import { CommandError, UsageError } from '../context';
import { defaultContainer, podForObject } from '../pod-for-object';
import { ContainerTarget, execInContainer } from '../../containers/container-shell';
import { imageTools } from '../../containers/image-tools';
import { openContainerShell } from '../../containers/interactive';
import { openMysqlMonitor } from '../../containers/mysql-repl';
import { opensMonitor } from '../../containers/mysql-client';

export const execCommand: CommandDef = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
    FILENAME_FLAG,
  ],
  run: runExec,
};

async function runExec(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const dash = inv.dashArgs();
  const before = inv.args.slice(0, inv.args.length - dash.length);
  if (before.length === 0) throw new CommandError('error: pod, type/name or --filename must be specified');
  if (before.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (dash.length === 0) throw new CommandError('error: you must specify at least one command for the container');
  const api = inv.api();
  const ns = inv.namespace();
  let pod: Pod;
  try {
    pod = podForObject(api, ns, before[0]).pod;
  } catch (e) {
    if (isApiError(e) && (e as ApiError).reason === 'NotFound') throw e;
    throw e;
  }
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = flags.bool('quiet');
  const name = flags.str('container') || defaultContainer(pod, (t) => (quiet ? undefined : inv.err(t)));
  // the API server's streamLocation: a container the pod does not have, then a pod not yet
  // scheduled, are refused with a Status (kubectl prints it as the server's error); what the
  // kubelet then refuses is plain text after "unable to upgrade connection"
  if (!podHasContainer(pod, name)) throw ApiError.badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
  if (!pod.spec.nodeName) throw ApiError.badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const spec = pod.spec.containers.find((c) => c.name === name);
  if (!spec) throw new CommandError(`error: unable to upgrade connection: container not found ("${name}")`);
  const cluster = inv.host.cluster;
  const running = runningContainer(api, cluster.runtime, ns, pod.metadata.name!, name);
  if (!running) throw new CommandError(`error: unable to upgrade connection: container not found ("${name}")`);
  const found = lookupImage(spec.image ?? '');
  if (!found.ok) throw new CommandError(`error: unable to upgrade connection: container not found ("${name}")`);
  const target: ContainerTarget = { pod, container: spec, image: found.info, running };

  const wantTty = flags.bool('tty');
  const tty = wantTty && inv.host.isTTY;
  if (wantTty && !inv.host.isTTY) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');

  const prog = dash[0];
  const tools = imageTools(found.info);
  const base = prog.split('/').pop()!;
  if (!tools.has(base)) {
    const id = cluster.rng.hex(64);
    throw new CommandError(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown`,
    );
  }
  // `-it POD -- sh`: an interactive shell in the container, where the door has a terminal
  if (tty && flags.bool('stdin') && dash.length === 1 && ['sh', 'bash', 'ash'].includes(base)) {
    if (openContainerShell(inv, target, base)) return 0;
  }
  // `-it POD -- mysql -uroot -p...` without -e: the client's monitor
  if (tty && flags.bool('stdin') && opensMonitor(dash)) {
    const opened = await openMysqlMonitor(inv, target, dash);
    if (opened !== false) {
      if (opened !== 0) inv.err(`command terminated with exit code ${opened}\n`);
      return opened;
    }
  }
  const code = await execInContainer(cluster, target, dash, {
    stdin: flags.bool('stdin') ? inv.host.stdin : '',
    sink: { write: (stream, text) => (stream === 'stdout' ? inv.out(text) : inv.err(text)) },
    isTTY: tty,
    signal: inv.host.signal,
    now: () => inv.host.now(),
    sleep: (ms) => inv.host.sleep(ms),
    hosts: inv.host.hosts ?? {},
  });
  if (code !== 0) {
    inv.err(`command terminated with exit code ${code}\n`);
    return code;
  }
  return 0;
}
