// `kubectl exec -it POD -- sh` in a door with a terminal: the session gets an attached container
// (shell/types.ts AttachedContainer) and, until `exit`, each command line the student types runs
// in the container's shell with its own prompt (`/ # `, `root@web:/# `), directory and variables.

import type { Sandbox } from '../sandbox';
import type { Invocation } from '../kubectl/command';
import type { AttachedContainer, OutputSink, RunOptions, RunResult, ShellSession } from '../shell/types';
import { lookupImage } from '../images/catalog';
import { runningContainer } from '../controllers/kubelet/runtime-query';
import { Pod } from '../api/types';
import { ContainerTarget, containerStart, runContainerLine } from './container-shell';
import { shellFlavor } from './image-tools';
import { monitorLine } from './mysql-repl';
import { endMainProcess } from '../controllers/kubelet/signal-process';

/** Attaches the terminal to a shell in the container; false where the door cannot (no hook). */
export function openContainerShell(inv: Invocation, target: ContainerTarget, shell: string, run?: AttachedContainer['run']): boolean {
  const attach = inv.host.attachContainer;
  if (!attach) return false;
  const start = containerStart(inv.host.cluster, target, true);
  const bash = shell === 'bash';
  attach({
    ...(run ? { run } : {}),
    namespace: target.pod.metadata.namespace ?? 'default',
    pod: target.pod.metadata.name!,
    container: target.container.name,
    shell,
    hostname: target.pod.spec.hostname ?? target.pod.metadata.name!,
    promptStyle: bash ? 'bash' : shellFlavor(target.image) === 'dash' ? 'dash' : 'busybox',
    cwd: start.cwd,
    env: start.env,
  });
  return true;
}

function targetOf(sandbox: Sandbox, c: AttachedContainer): ContainerTarget | undefined {
  const cluster = sandbox.cluster;
  const running = runningContainer(cluster.api, cluster.runtime, c.namespace, c.pod, c.container);
  if (!running) return undefined;
  const pod = running.pod as Pod;
  const spec = pod.spec.containers.find((x) => x.name === c.container);
  const found = lookupImage(spec?.image ?? '');
  if (!spec || !found.ok) return undefined;
  return { pod, container: spec, image: found.info, running };
}

/** The Sandbox's ShellEnvironment.containerShell: one line in the attached container. */
export function containerShellFor(sandbox: Sandbox) {
  return async (session: ShellSession, line: string, sink?: OutputSink, opts: RunOptions = {}): Promise<RunResult> => {
    const c = session.container!;
    let stdout = '';
    let stderr = '';
    const write = (stream: 'stdout' | 'stderr', text: string): void => {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
      sink?.write(stream, text);
    };
    const t = targetOf(sandbox, c);
    if (!t) {
      // the container went away under the session (pod deleted, container restarted)
      delete session.container;
      write('stderr', 'command terminated with exit code 137\n');
      session.status = 137;
      return { stdout, stderr, exitCode: 137 };
    }
    if (c.monitor) {
      const m = await monitorLine(sandbox.cluster, t, c.monitor, line, sandbox.hosts, write, (ms) => sandbox.clock.sleep(ms));
      sandbox.cluster.settle();
      if (m.ended) {
        delete session.container;
        if (c.run) leaveRun(sandbox, c, m.status, write);
        else if (m.status !== 0) write('stderr', `command terminated with exit code ${m.status}\n`);
      }
      session.status = m.status;
      return { stdout, stderr, exitCode: m.status };
    }
    const r = await runContainerLine(
      sandbox.cluster,
      t,
      line,
      {
        stdin: '',
        sink: { write },
        isTTY: opts.isTTY ?? true,
        signal: opts.signal ?? { aborted: false, onAbort: () => () => undefined },
        now: () => sandbox.clock.now(),
        sleep: (ms) => sandbox.clock.sleep(ms),
        hosts: sandbox.hosts,
      },
      { cwd: c.cwd, env: c.env },
      c.shell === 'bash' ? 'bash' : undefined,
    );
    sandbox.cluster.settle();
    if (r.exited) {
      delete session.container;
      if (c.shell === 'bash') write('stdout', 'exit\n');
      if (c.run) leaveRun(sandbox, c, r.exitCode, write);
      else if (r.exitCode !== 0) write('stderr', `command terminated with exit code ${r.exitCode}\n`);
    } else {
      c.cwd = r.cwd;
      c.env = r.env;
    }
    session.status = r.exitCode;
    return { stdout, stderr, exitCode: r.exitCode };
  };
}

/**
 * Leaving what `kubectl run -it` attached: the container's main process ends with its status; with
 * --rm kubectl deletes the pod, else it says how to attach again (the restartPolicy restarts it).
 */
function leaveRun(sandbox: Sandbox, c: AttachedContainer, status: number, write: (stream: 'stdout' | 'stderr', text: string) => void): void {
  const cluster = sandbox.cluster;
  cluster.at(cluster.now, () => {
    endMainProcess(cluster, `${c.namespace}/${c.pod}`, c.container, status);
    if (c.run?.rm) cluster.api.delete('pods', c.namespace, c.pod, {});
  });
  write('stdout', c.run?.rm ? `pod "${c.pod}" deleted\n` : `Session ended, resume using 'kubectl attach ${c.pod} -c ${c.container} -i -t' command when the pod is running\n`);
}
