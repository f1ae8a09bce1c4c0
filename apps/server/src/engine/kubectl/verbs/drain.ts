// kubectl drain (kubectl's pkg/cmd/drain and pkg/drain): cordons the nodes, then evicts their
// pods through kubectl's filters (DaemonSet-managed, mirror, local storage, unreplicated),
// waiting for each to be gone: `evicting pod ns/x`, `pod/x evicted`, `node/n drained`.

import { isApiError } from '../../api/errors';
import { Node, Pod } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, Invocation, SELECTOR_FLAG } from '../command';
import { formatApiError } from '../errors';
import { parseGoDuration } from '../flags';
import { dryRunMode } from '../object-ops';
import { printName } from '../printers/get-printer';
import { watchLoop } from '../watch';
import { cordonNodes, nodeTargets } from './cordon';

export const drainCommand: CommandDef = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: [
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run: runDrain,
};

const MIRROR = 'kubernetes.io/config.mirror';
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Verdict {
  pod: Pod;
  delete: boolean;
  kind: 'ok' | 'skip' | 'warning' | 'error';
  message?: string;
}

/** kubectl's pod filters, in their order; the first that does not say "ok, continue" decides. */
function judge(inv: Invocation, pod: Pod): Verdict {
  const { flags } = inv;
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  let warning: string | undefined;
  if (owner?.kind === 'DaemonSet') {
    const ds = inv.host.cluster.api.tryGet('daemonsets', pod.metadata.namespace, owner.name);
    if (ds || !flags.bool('force')) {
      if (!flags.bool('ignore-daemonsets')) return { pod, delete: false, kind: 'error', message: DAEMONSET_FATAL };
      return { pod, delete: false, kind: 'warning', message: DAEMONSET_WARNING };
    }
  }
  if (pod.metadata.annotations?.[MIRROR] !== undefined) return { pod, delete: false, kind: 'skip' };
  const emptyDir = (pod.spec.volumes ?? []).some((v) => (v as { emptyDir?: unknown }).emptyDir !== undefined);
  if (emptyDir && !finished) {
    if (!flags.bool('delete-emptydir-data')) return { pod, delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
    warning = LOCAL_STORAGE_WARNING;
  }
  if (!owner && !finished) {
    if (!flags.bool('force')) return { pod, delete: false, kind: 'error', message: UNMANAGED_FATAL };
    warning = UNMANAGED_WARNING;
  }
  return warning ? { pod, delete: true, kind: 'warning', message: warning } : { pod, delete: true, kind: 'ok' };
}

/** `message: ns/a, ns/b` groups in order of first appearance. */
function grouped(verdicts: Verdict[], kind: Verdict['kind']): string[] {
  const groups = new Map<string, string[]>();
  for (const v of verdicts) {
    if (v.kind !== kind) continue;
    const list = groups.get(v.message!) ?? [];
    list.push(`${v.pod.metadata.namespace}/${v.pod.metadata.name}`);
    groups.set(v.message!, list);
  }
  return [...groups].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
}

async function runDrain(inv: Invocation): Promise<number> {
  const nodes = nodeTargets(inv, 'drain NODE');
  if (!cordonNodes(inv, nodes, true)) return 1;
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const err = await drainNode(inv, node);
    if (err === undefined) {
      inv.out(printName(node, `drained${dryRunMode(inv) === 'client' ? ' (dry run)' : ''}`));
      continue;
    }
    inv.err(`error: unable to drain node "${node.metadata.name}" due to error: ${err.length === 1 ? err[0] : `[${err.join(', ')}]`}, continuing command...\n`);
    fatal.push(...err);
    remaining.push(node.metadata.name!);
  }
  if (remaining.length) {
    inv.err('There are pending nodes to be drained:\n');
    for (const n of remaining) inv.err(` ${n}\n`);
    for (const e of fatal) inv.err(`${e}\n`);
    return 1;
  }
  return 0;
}

/** Evicts the node's pods; returns the errors that stopped it, or undefined when drained. */
async function drainNode(inv: Invocation, node: Node): Promise<string[] | undefined> {
  const api = inv.host.cluster.api;
  const podSelector = inv.flags.str('pod-selector');
  const pods = (api.list('pods', { labelSelector: podSelector || undefined }) as Pod[]).filter((p) => p.spec.nodeName === node.metadata.name);
  const verdicts = pods.map((p) => judge(inv, p));
  const errors = grouped(verdicts, 'error').map((e) => `cannot delete ${e}`);
  if (errors.length) return errors;
  const warnings = grouped(verdicts, 'warning');
  if (warnings.length) inv.err(`Warning: ${warnings.join('; ')}\n`);
  const toEvict = verdicts.filter((v) => v.delete).map((v) => v.pod);
  const mode = dryRunMode(inv);
  if (mode === 'client') {
    for (const p of toEvict) inv.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  const grace = inv.flags.int('grace-period');
  const pending = new Map<string, Pod>();
  for (const p of toEvict) {
    inv.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${mode === 'server' ? ' (server dry run)' : ''}\n`);
    if (mode === 'server') continue;
    try {
      api.delete('pods', p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
      pending.set(p.metadata.uid!, p);
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') return [formatApiError(e as never).replace(/\n$/, '')];
    }
  }
  if (mode === 'server') return undefined;
  inv.settle();
  const sweep = (): boolean => {
    for (const [uid, p] of pending) {
      const cur = api.tryGet('pods', p.metadata.namespace, p.metadata.name!);
      if (!cur || cur.metadata.uid !== uid) {
        pending.delete(uid);
        inv.out(printName(p, 'evicted'));
      }
    }
    return pending.size === 0;
  };
  if (sweep()) return undefined;
  const timeout = parseGoDuration(inv.flags.str('timeout')) ?? 0;
  const result = await watchLoop(inv, undefined, () => undefined, { timeoutMs: timeout > 0 ? timeout : undefined, onTick: sweep });
  if (result === 'interrupted') return ['interrupted'];
  if (pending.size) {
    const names = [...pending.values()].map((p) => p.metadata.name).join(', ');
    return [`error when waiting for pod "${names}" in namespace "${[...pending.values()][0].metadata.namespace}" to terminate: global timeout reached: ${inv.flags.str('timeout')}`];
  }
  return undefined;
}
