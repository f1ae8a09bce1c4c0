// `kill` in a container's shell: the only process it can reach is the container's main process,
// PID 1 (signal-process.ts says what a signal does to it). Other PIDs are no process; messages are
// the shell's own: dash (Debian images), BusyBox ash, bash.

import type { Builtin } from '../shell/command-registry';
import { SIGNALS, signalName } from '../shell/builtins/state-builtins';
import type { Cluster } from '../cluster';
import { signalMainProcess } from '../controllers/kubelet/signal-process';
import type { ContainerTarget } from './container-shell';

type Flavor = 'busybox' | 'dash' | 'bash';

function noSuchProcess(flavor: Flavor, pid: string): string {
  if (flavor === 'bash') return `bash: kill: (${pid}) - No such process\n`;
  if (flavor === 'dash') return 'sh: 1: kill: No such process\n';
  return `sh: can't kill pid ${pid}: No such process\n`;
}

function badSignal(flavor: Flavor, spec: string): string {
  if (flavor === 'bash') return `bash: kill: ${spec}: invalid signal specification\n`;
  if (flavor === 'dash') return `sh: 1: kill: invalid signal number or name: ${spec}\n`;
  return `sh: bad signal name '${spec}'\n`;
}

function usage(flavor: Flavor): string {
  if (flavor === 'bash') return 'bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';
  if (flavor === 'dash') return 'sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n';
  return 'kill: usage: kill [-s SIG] [-SIG] PID...\n';
}

export function killBuiltin(cluster: Cluster, t: ContainerTarget, flavor: Flavor): Builtin {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    if (args[0] === '-l' || args[0] === '-L') {
      ctx.stdout(`${Object.keys(SIGNALS).filter((n) => n !== 'EXIT').join(' ')}\n`);
      return 0;
    }
    let signal = 'TERM';
    if (args[0] === '-s' || args[0] === '-n') {
      const spec = args[1] ?? '';
      const name = signalName(spec);
      if (!name || name === 'EXIT') {
        ctx.stderr(spec ? badSignal(flavor, spec) : usage(flavor));
        return spec ? 1 : 2;
      }
      signal = name;
      args.splice(0, 2);
    } else if (args[0]?.startsWith('-') && args[0] !== '--') {
      // -9, -KILL, -SIGKILL
      const spec = args[0].slice(1);
      const name = signalName(spec);
      if (!name) {
        ctx.stderr(badSignal(flavor, spec));
        return 1;
      }
      signal = name;
      args.shift();
    }
    if (args[0] === '--') args.shift();
    if (!args.length) {
      ctx.stderr(usage(flavor));
      return flavor === 'bash' ? 2 : 1;
    }
    let status = 0;
    for (const pid of args) {
      if (pid !== '1') {
        ctx.stderr(noSuchProcess(flavor, pid));
        status = 1;
        continue;
      }
      // EXIT (signal 0) only asks whether the process is there
      if (signal !== 'EXIT') signalMainProcess(cluster, `${t.pod.metadata.namespace ?? 'default'}/${t.pod.metadata.name}`, t.container.name, signal);
    }
    return status;
  };
}
