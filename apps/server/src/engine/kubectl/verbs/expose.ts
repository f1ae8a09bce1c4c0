// kubectl expose (kubectl's pkg/cmd/expose): a Service for a pod, replica set, deployment or
// service, its selector and ports found by introspection as polymorphichelpers does (pod
// labels or the workload's matchLabels; container ports, or a service's ports).

import { applyOverrides, OVERRIDE_FLAGS } from '../overrides';
import { ApiError, isApiError } from '../../api/errors';
import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../command';
import { CommandError } from '../context';
import { formatApiError } from '../errors';
import { dryRunMode, dryRunSuffix, recorded } from '../object-ops';
import { objectOutput, printObjects, printOptions } from '../output';
import { printName } from '../printers/get-printer';
import { collectTargets, NO_RESOURCES } from './targets';

export const exposeCommand: CommandDef = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    ...OVERRIDE_FLAGS,
    { name: 'save-config', type: 'bool' },
    RECORD_FLAG,
    ...PRINT_FLAGS,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-expose'),
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runExpose,
};

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

type Spec = Record<string, any>;

function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = (obj as { spec?: Spec }).spec ?? {};
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return labels;
    }
    case 'Service':
      if (!spec.selector || Object.keys(spec.selector).length === 0) throw new Error('the service has no pod selector set');
      return spec.selector;
    case 'ReplicationController':
      return spec.selector ?? {};
    default: {
      const sel = spec.selector ?? {};
      if (sel.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      if (!sel.matchLabels || Object.keys(sel.matchLabels).length === 0) throw new Error(`invalid ${obj.kind.toLowerCase()}: no selectors, therefore cannot be exposed`);
      return sel.matchLabels;
    }
  }
}

function podSpecOf(obj: KubeObject): Spec | undefined {
  const spec = (obj as { spec?: Spec }).spec;
  return obj.kind === 'Pod' ? spec : spec?.template?.spec;
}

/** ports and, per port, its protocols (PortsForObject, MultiProtocolsForObject) */
function portsOf(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined): void => {
    const p = String(port);
    if (!ports.includes(p)) ports.push(p);
    const list = protocols.get(p) ?? [];
    if (!list.includes(protocol ?? 'TCP')) list.push(protocol ?? 'TCP');
    protocols.set(p, list);
  };
  if (obj.kind === 'Service') {
    for (const p of ((obj as { spec?: Spec }).spec?.ports ?? []) as Spec[]) add(p.port, p.protocol);
  } else {
    for (const c of (podSpecOf(obj)?.containers ?? []) as Spec[]) for (const p of (c.ports ?? []) as Spec[]) add(p.containerPort, p.protocol);
  }
  return { ports, protocols };
}

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new CommandError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new CommandError('error: unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

/** The Service kubectl's createService builds. */
export function buildService(inv: Invocation, obj: KubeObject): KubeObject {
  const { flags } = inv;
  let selector: Record<string, string>;
  if (flags.str('selector')) selector = parseMap(flags.str('selector'));
  else {
    try {
      selector = selectorOf(obj);
    } catch (e) {
      throw new CommandError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = flags.str('cluster-ip') === 'None';
  const found = portsOf(obj);
  let portList: string[] = [];
  if (flags.str('port')) portList = flags.str('port').split(',');
  else {
    if (found.ports.length === 0 && !headless) throw new CommandError("error: couldn't find port via --port flag or introspection");
    portList = found.ports;
  }
  const labels = flags.str('labels') ? parseMap(flags.str('labels')) : obj.metadata.labels ? { ...obj.metadata.labels } : undefined;
  const protocolFlag = flags.str('protocol');
  const ports: Spec[] = [];
  portList.forEach((text, i) => {
    if (!/^[-+]?\d+$/.test(text)) throw new CommandError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = parseInt(text, 10);
    const name = portList.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = protocolFlag || 'TCP';
    if (!protocolFlag && found.protocols.size) {
      const ps = found.protocols.get(text);
      if (ps && ps.length > 1) {
        for (const p of ps) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
      if (ps) protocol = ps[0];
    }
    ports.push({ ...(name ? { name } : {}), port, protocol });
  });
  const target = flags.str('target-port');
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? parseInt(target, 10) : target) : p.port;
  const spec: Spec = { ports, selector };
  if (flags.str('external-ip')) spec.externalIPs = [flags.str('external-ip')];
  if (flags.str('type')) spec.type = flags.str('type');
  if (spec.type === 'LoadBalancer' && flags.str('load-balancer-ip')) spec.loadBalancerIP = flags.str('load-balancer-ip');
  const affinity = flags.str('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new CommandError(`error: unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (flags.str('cluster-ip')) spec.clusterIP = flags.str('cluster-ip');
  const name = flags.str('name') || obj.metadata.name!.slice(0, 63);
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec };
}

function runExpose(inv: Invocation): number {
  const output = objectOutput(inv.flags);
  const mode = dryRunMode(inv);
  const files = inv.flags.list('filename');
  if (inv.args.length === 0 && files.length === 0) {
    throw new CommandError(NO_RESOURCES);
  }
  const found = collectTargets(inv, inv.args, { files });
  for (const e of found.errors) inv.err(e);
  let failed = found.errors.length > 0;
  for (const { obj } of found.targets) {
    if (!EXPOSABLE.has(obj.kind)) throw new CommandError(`error: cannot expose a ${obj.kind}`);
    const svc = recorded(inv, applyOverrides(inv, buildService(inv, obj)));
    svc.metadata.namespace = inv.namespace();
    try {
      const result = mode === 'client' ? svc : inv.api().create(svc, { dryRun: mode === 'server' });
      if (mode === 'none') inv.settle();
      if (output.kind === 'table') inv.out(printName(result, `exposed${dryRunSuffix(mode)}`));
      else {
        const shown = mode === 'client' ? { ...result, metadata: { ...result.metadata, creationTimestamp: null }, status: { loadBalancer: {} } } : result;
        if (mode === 'client' && !inv.namespaceExplicit()) delete (shown.metadata as Spec).namespace;
        inv.out(printObjects([shown as KubeObject], output, printOptions(inv.flags, true, true)));
      }
    } catch (e) {
      if (!isApiError(e)) throw e;
      inv.err(formatApiError(e as ApiError));
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
