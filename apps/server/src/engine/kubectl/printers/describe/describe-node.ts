// `kubectl describe node` (describe.go describeNode, describeNodeLease, describeNodeResource).
import type { Node, Pod } from '../../../api/types';
import type { DescribeContext } from './describe-context';
import {
  describeEvents,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  since,
} from './describe-format';
import {
  addResourceList,
  maxResourceList,
  parseQuantity,
  Quantity,
  quantityMilliValue,
  quantityString,
  quantityValue,
  ResourceList,
  toResourceList,
  ZERO,
} from './describe-quantity';
import { LEVEL_0, LEVEL_1, PrefixWriter, tabbedString } from './describe-writer';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

interface Lease {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

export function describeNode(node: Node, ctx: DescribeContext): string {
  const name = node.metadata.name ?? '';
  // the pods kubectl lists with spec.nodeName=<node>, status.phase!=Succeeded,Failed
  const pods = (ctx.list('Pod') as Pod[]).filter(
    (p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  const lease = ctx.get('Lease', 'kube-node-lease', name) as Lease | undefined;
  const events = ctx.eventsFor(node);
  return tabbedString((w) => {
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatTime(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatTime(lease.spec.renewTime) : '<unset>'}\n`);
    } else {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    }
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string>): void => {
      for (const r of Object.keys(list).sort()) w.write(LEVEL_0, `  ${r}:\t${quantityString(parseQuantity(list[r]) ?? ZERO)}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable!);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs && node.spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(w, pods, node, ctx.now);
    describeEvents(w, events, ctx.now);
  });
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a maximum, plus overhead. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const compute = (pick: 'requests' | 'limits'): ResourceList => {
    const total: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) addResourceList(total, toResourceList(c.resources?.[pick]));
    const restartable: ResourceList = new Map();
    const initMax: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      let r = toResourceList(c.resources?.[pick]);
      if (c.restartPolicy === 'Always') {
        addResourceList(total, r);
        addResourceList(restartable, r);
        r = restartable;
      } else {
        const tmp: ResourceList = new Map();
        addResourceList(tmp, r);
        addResourceList(tmp, restartable);
        r = tmp;
      }
      maxResourceList(initMax, r);
    }
    maxResourceList(total, initMax);
    const overhead = pod.spec?.overhead as Record<string, string> | undefined;
    if (overhead) addResourceList(total, toResourceList(overhead));
    return total;
  };
  return { reqs: compute('requests'), limits: compute('limits') };
}

// int64(float64(a) / float64(b) * 100), with Go's x/0 guarded to 0
const percent = (a: bigint, b: bigint): number => (b === 0n ? 0 : Math.trunc((Number(a) / Number(b)) * 100));

function describeNodeResource(w: PrefixWriter, pods: readonly Pod[], node: Node, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toResourceList(
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity,
  );
  const get = (list: ResourceList, name: string): Quantity => list.get(name) ?? ZERO;
  const allocCpu = quantityMilliValue(get(allocatable, 'cpu'));
  const allocMem = quantityValue(get(allocatable, 'memory'));
  const cell = (q: Quantity, pct: number): string => `${quantityString(q)} (${pct}%)`;
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cpuReq = get(reqs, 'cpu');
    const cpuLim = get(limits, 'cpu');
    const memReq = get(reqs, 'memory');
    const memLim = get(limits, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${cell(cpuReq, percent(quantityMilliValue(cpuReq), allocCpu))}\t${cell(cpuLim, percent(quantityMilliValue(cpuLim), allocCpu))}\t` +
        `${cell(memReq, percent(quantityValue(memReq), allocMem))}\t${cell(memLim, percent(quantityValue(memLim), allocMem))}\t` +
        `${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    addResourceList(reqs, r.reqs);
    addResourceList(limits, r.limits);
  }
  const row = (name: string, scale: (q: Quantity) => bigint, alloc: bigint): void => {
    const rq = get(reqs, name);
    const lm = get(limits, name);
    w.write(LEVEL_1, `${name}\t${cell(rq, percent(scale(rq), alloc))}\t${cell(lm, percent(scale(lm), alloc))}\n`);
  };
  row('cpu', quantityMilliValue, allocCpu);
  row('memory', quantityValue, allocMem);
  row('ephemeral-storage', quantityValue, quantityValue(get(allocatable, 'ephemeral-storage')));
  const names = [...allocatable.keys()];
  const hugePages = names.filter((n) => n.startsWith('hugepages-')).sort();
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !isStandardContainerResource(n) && n !== 'pods').sort();
  for (const hp of hugePages) row(hp, quantityValue, quantityValue(get(allocatable, hp)));
  for (const ext of extended) {
    w.write(LEVEL_1, `${ext}\t${quantityString(get(reqs, ext))}\t${quantityString(get(limits, ext))}\n`);
  }
}

// IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*
function isStandardContainerResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}
