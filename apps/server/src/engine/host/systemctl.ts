// systemctl on a simulated host: the kubelet (stop and start take the node down and up, as a
// failed node), containerd, and a few services that are always there.

import type { Sandbox } from '../sandbox';
import type { ExternalCommand, HostState } from '../shell/types';
import { restartKubelet, startKubelet, stopKubelet } from '../operations/node-operations';
import { aptState, isInstalled } from '../install/host-packages';
import { civil, parseTime } from '../time';
import { BOOTSTRAP_LEAD_MS } from '../cluster';

const ALWAYS_ACTIVE = ['containerd', 'ssh', 'cron', 'systemd-resolved'];

/** What `systemctl status` shows of a unit: its description, documentation and main program. */
const UNITS: Record<string, { description: string; docs: string[]; program: string; dropIn?: string }> = {
  kubelet: { description: 'kubelet: The Kubernetes Node Agent', docs: ['https://kubernetes.io/docs/'], program: 'kubelet', dropIn: '10-kubeadm.conf' },
  containerd: { description: 'containerd container runtime', docs: ['https://containerd.io'], program: 'containerd' },
  ssh: { description: 'OpenBSD Secure Shell server', docs: ['man:sshd(8)', 'man:sshd_config(5)'], program: 'sshd' },
  cron: { description: 'Regular background program processing daemon', docs: ['man:cron(8)'], program: 'cron' },
  'systemd-resolved': { description: 'Network Name Resolution', docs: ['man:systemd-resolved.service(8)', 'man:org.freedesktop.resolve1(5)', 'https://www.freedesktop.org/wiki/Software/systemd/writing-network-configuration-managers', 'https://www.freedesktop.org/wiki/Software/systemd/writing-resolver-clients'], program: 'systemd-resolve' },
};

const KUBELET_EXEC_START = '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS';

/** when the kubelet unit last started or stopped through systemctl, and its main PID */
interface UnitRecord {
  active: boolean;
  since: number;
  pid: number;
}

function unitRecords(host: HostState): Record<string, UnitRecord> {
  return (host.services.systemd ??= {}) as Record<string, UnitRecord>;
}

/** a stable main PID per host and unit (a fresh Ubuntu VM starts its services in the hundreds) */
function firstPid(hostname: string, unit: string): number {
  let h = 0;
  for (const ch of `${hostname}/${unit}`) h = (h * 31 + ch.charCodeAt(0)) % 997;
  return 600 + h;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** systemd's timestamp in a UTC host: `Thu 2026-01-01 00:00:00 UTC` */
function systemdTimestamp(ms: number): string {
  const d = civil(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.weekday]} ${d.year}-${p(d.month)}-${p(d.day)} ${p(d.hour)}:${p(d.minute)}:${p(d.second)} UTC`;
}

/** systemd's format_timestamp_relative: `5min ago`, `1min 10s ago`, `2h 3min ago`, `3 days ago` */
export function systemdAgo(ms: number): string {
  const S = 1000;
  const MIN = 60 * S;
  const H = 60 * MIN;
  const D = 24 * H;
  const W = 7 * D;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (ms >= W) return `${plural(Math.floor(ms / W), 'week', 'weeks')} ${plural(Math.floor((ms % W) / D), 'day', 'days')} ago`;
  if (ms >= 2 * D) return `${Math.floor(ms / D)} days ago`;
  if (ms >= 25 * H) return `1 day ${Math.floor((ms - D) / H)}h ago`;
  if (ms >= 6 * H) return `${Math.floor(ms / H)}h ago`;
  if (ms >= H) return `${Math.floor(ms / H)}h ${Math.floor((ms % H) / MIN)}min ago`;
  if (ms >= 5 * MIN) return `${Math.floor(ms / MIN)}min ago`;
  if (ms >= MIN) return `${Math.floor(ms / MIN)}min ${Math.floor((ms % MIN) / S)}s ago`;
  if (ms >= S) return `${Math.floor(ms / S)}s ago`;
  if (ms > 0) return `${ms}ms ago`;
  return 'now';
}

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
        // the unit's header (Tasks, Memory, CPU, CGroup and the journal's last lines are not simulated)
        const info = UNITS[unit];
        const now = sandbox.cluster.now;
        // a record left by systemctl holds while the unit stays as it left it (not after a drill)
        const found = unitRecords(ctx.hostState)[unit];
        const rec = found?.active === active ? found : undefined;
        const node = unit === 'kubelet' ? sandbox.cluster.store.get('nodes', undefined, ctx.host) : undefined;
        // without a record the unit has run since the machines booted (the kubelet: since its node registered)
        const booted = node?.metadata.creationTimestamp ? parseTime(node.metadata.creationTimestamp) : sandbox.cluster.config.start - BOOTSTRAP_LEAD_MS;
        const since = rec?.since ?? (active ? booted : (machine?.kubeletStoppedAt ?? now));
        const pid = found?.pid ?? firstPid(ctx.host, unit);
        const lines = [
          `${active ? '●' : '○'} ${unit}.service - ${info.description}`,
          `     Loaded: loaded (/usr/lib/systemd/system/${unit}.service; enabled; preset: enabled)`,
          ...(info.dropIn ? [`    Drop-In: /usr/lib/systemd/system/${unit}.service.d`, `             └─${info.dropIn}`] : []),
          `     Active: ${active ? 'active (running)' : 'inactive (dead)'} since ${systemdTimestamp(since)}; ${systemdAgo(now - since)}`,
          `       Docs: ${info.docs[0]}`,
          ...info.docs.slice(1).map((d) => `             ${d}`),
          ...(active
            ? [`   Main PID: ${pid} (${info.program})`]
            : // only the kubelet is ever stopped here
              [`    Process: ${pid} ExecStart=${KUBELET_EXEC_START} (code=exited, status=0/SUCCESS)`, `   Main PID: ${pid} (code=exited, status=0/SUCCESS)`]),
        ];
        ctx.stdout(`${lines.join('\n')}\n`);
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
          const records = unitRecords(ctx.hostState);
          const pid = records.kubelet?.pid ?? firstPid(ctx.host, 'kubelet');
          const wasActive = machine.kubeletRunning;
          if (verb === 'stop') stopKubelet(sandbox.cluster, ctx.host);
          if (verb === 'start') startKubelet(sandbox.cluster, ctx.host);
          if (verb === 'restart') restartKubelet(sandbox.cluster, ctx.host);
          // the unit changes state: since now, and a new process (a later PID) when it starts again
          if (verb === 'stop' && wasActive) records.kubelet = { active: false, since: sandbox.cluster.now, pid };
          if ((verb === 'start' && !wasActive) || verb === 'restart') records.kubelet = { active: true, since: sandbox.cluster.now, pid: pid + 1 + (pid % 89) };
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
