// systemctl on a simulated host: the kubelet (stop and start take the node down and up, as a
// failed node), containerd, and a few services that are always there.

import type { Sandbox } from '../sandbox';
import type { ExternalCommand } from '../shell/types';
import { startKubelet, stopKubelet } from '../operations/node-operations';
import { aptState, isInstalled } from '../install/host-packages';

const ALWAYS_ACTIVE = ['containerd', 'ssh', 'cron', 'systemd-resolved'];

export function systemctlCommand(sandbox: Sandbox): ExternalCommand {
  return (ctx) => {
    const [, verb, unitArg] = ctx.argv;
    const unit = (unitArg ?? '').replace(/\.service$/, '');
    const machine = sandbox.cluster.runtime.machines[ctx.host];
    const known = unit === 'kubelet' ? !!machine : ALWAYS_ACTIVE.includes(unit);
    if (!verb) {
      ctx.stderr('systemctl: a command is required\n');
      return 1;
    }
    if (!unit) {
      ctx.stderr(`Too few arguments.\n`);
      return 1;
    }
    // a `bare` cluster's hosts have the kubelet once its package is installed
    const kubeletInstalled = aptState(ctx.hostState) ? isInstalled(ctx.hostState, 'kubelet') : machine?.joined || sandbox.cluster.runtime.apiServerUp;
    if (!known || (unit === 'kubelet' && !kubeletInstalled)) {
      if (verb === 'status' || verb === 'is-active') {
        if (verb === 'status') ctx.stderr(`Unit ${unit}.service could not be found.\n`);
        else ctx.stdout('inactive\n');
        return verb === 'status' ? 4 : 3;
      }
      ctx.stderr(`Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.\n`);
      return 5;
    }
    const active = unit === 'kubelet' ? machine.kubeletRunning : true;
    switch (verb) {
      case 'is-active':
        ctx.stdout(active ? 'active\n' : 'inactive\n');
        return active ? 0 : 3;
      case 'status': {
        const since = 'Thu 2026-01-01 00:00:00 UTC';
        ctx.stdout(
          `● ${unit}.service - ${unit === 'kubelet' ? 'kubelet: The Kubernetes Node Agent' : unit}\n` +
            `     Loaded: loaded (/usr/lib/systemd/system/${unit}.service; enabled; preset: enabled)\n` +
            (active ? `     Active: active (running) since ${since}\n` : `     Active: inactive (dead)\n`),
        );
        return active ? 0 : 3;
      }
      case 'start':
      case 'stop':
      case 'restart':
      case 'enable':
      case 'disable': {
        if (ctx.user !== 'root') {
          ctx.stderr(`Failed to ${verb} ${unit}.service: Access denied\nSee system logs and 'systemctl status ${unit}.service' for details.\n`);
          return 1;
        }
        if (unit === 'kubelet') {
          if (verb === 'stop') stopKubelet(sandbox.cluster, ctx.host);
          if (verb === 'start' || verb === 'restart') startKubelet(sandbox.cluster, ctx.host);
          sandbox.cluster.settle();
        }
        return 0;
      }
      default:
        ctx.stderr(`Unknown command verb ${verb}.\n`);
        return 1;
    }
  };
}
