// Faults on a node's machine, as `sudo systemctl stop|start kubelet` on the host and the
// instructor's drills cause them. They change the machine (runtime state, not an API object)
// and wake the controllers that watch machines: the kubelet and the node lifecycle controller.
// A kubelet that starts (the machine boots, or the service is started or restarted) registers its
// Node if there is none, as it does at every start: a Node deleted meanwhile (`kubectl delete
// node`, or the cloud controller manager's for a deleted instance that is created again) comes
// back. A kubelet that keeps running does not: it registers once per process (v1.32's
// registrationCompleted is never reset) and then only fails its status updates, NotFound.
// A kubelet that starts also syncs its node Lease at once (bootstrap/lease.ts): it creates it,
// owned by its Node, when it is gone (the garbage collector deletes it with its Node, and a
// running kubelet without Node cannot create it again), or sets that owner on one that has none.
// While it runs, the kubelet controller does the same at its next renewal (its `lease:<node>` key).
// Call them inside `cluster.at(now, ...)` so the controllers settle afterwards.

import type { Cluster } from '../cluster';
import type { MachineState } from '../cluster-state';
import { nodeObject } from '../bootstrap/machines';
import { syncNodeLease } from '../bootstrap/lease';
import { rfc3339 } from '../time';
import { registeringNode } from '../controllers/kubelet/node-status';
import { forgetSchedulable } from '../controllers/kubelet/node-schedulable';
import { kubeletSection } from '../controllers/kubelet/runtime-state';

function machine(cluster: Cluster, node: string): MachineState {
  const m = cluster.runtime.machines[node];
  if (!m) throw new Error(`no machine ${node}`);
  return m;
}

/** Wakes the controllers that read machines (the kubelet's key for a machine is `machine:<name>`). */
function wake(cluster: Cluster, node: string): void {
  cluster.enqueue('kubelet', `machine:${node}`);
  cluster.enqueue('node-lifecycle', node);
  cluster.enqueue('cloud-node', node);
}

/** what kubeadm recorded of a `bare` cluster's kubelets (install/control-plane.ts) */
interface KubeadmRecord {
  podNetworkCidr?: string;
  externalCloud?: Record<string, boolean>;
}

/**
 * The kubelet of a machine that joined the cluster starts: it registers its Node when there is
 * none, and its lease controller syncs the node Lease at once. v1.32 runs the two side by side (a
 * Lease sync that finds no Node yet tries again 10 s later): taken here as the registration first.
 */
function kubeletStarted(cluster: Cluster, m: MachineState): void {
  // a new process: its lastNodeUnschedulable starts false
  forgetSchedulable(kubeletSection(cluster.runtime), m.name);
  if (!m.joined || !cluster.runtime.apiServerUp) return;
  registerIfMissing(cluster, m);
  delete m.leaseDueAt;
  syncNodeLease(cluster, m.name, cluster.now);
}

/**
 * The Node a kubelet registers when there is none, as any kubelet does: the labels it sets
 * itself (not kubeadm's control-plane role and taint, which `kubeadm init` added through the API,
 * nor kubeadm's cri-socket annotation), the uninitialized taint when it runs with
 * --cloud-provider=external (every kubelet of a `cloud` cluster), the not-ready taint the API
 * server's admission adds to every new Node. Where the pod network's CNI configuration is on the
 * machine already it is NotReady only until its first runtime check (kubelet/node-status.ts); on
 * a `bare` cluster the pod network controller decides. flanneld annotates the Node again when its
 * new pod runs there.
 */
function registerIfMissing(cluster: Cluster, m: MachineState): void {
  if (cluster.store.get('nodes', undefined, m.name)) return;
  const bare = cluster.config.shape === 'bare';
  const kubeadm = cluster.runtime.sections.kubeadm as KubeadmRecord | undefined;
  const external = cluster.config.shape === 'cloud' || !!kubeadm?.externalCloud?.[m.name];
  let node = nodeObject(m, cluster.rng, { controlPlane: false, externalCloudProvider: external, networkReady: false, at: rfc3339(cluster.now) });
  if (!bare) node = registeringNode(node, cluster.now);
  // kubeadm's (init and join write it through the API), not the kubelet's
  delete node.metadata.annotations?.['kubeadm.alpha.kubernetes.io/cri-socket'];
  if (bare && !kubeadm?.podNetworkCidr) {
    delete node.spec.podCIDR;
    delete node.spec.podCIDRs;
  }
  cluster.api.create(node, { internal: true });
}

/** `systemctl stop kubelet`: the node stops posting status; containers keep running. */
export function stopKubelet(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (!m.kubeletRunning) return;
  m.kubeletRunning = false;
  if (m.poweredOn) m.kubeletStoppedAt = cluster.now;
  wake(cluster, node);
}

/** `systemctl start kubelet`: the node posts status again. */
export function startKubelet(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (m.kubeletRunning) return;
  m.kubeletRunning = true;
  if (m.poweredOn) {
    delete m.kubeletStoppedAt;
    kubeletStarted(cluster, m);
  }
  wake(cluster, node);
}

/**
 * `systemctl restart kubelet`: a stopped kubelet starts; a running one is a new process, which
 * registers its Node if it was deleted (the pods still bound to the node name are its own again).
 */
export function restartKubelet(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (!m.kubeletRunning) {
    startKubelet(cluster, node);
    return;
  }
  if (m.poweredOn) kubeletStarted(cluster, m);
  wake(cluster, node);
}

/** The machine loses power: kubelet and containers are gone until it boots again. */
export function powerOff(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (!m.poweredOn) return;
  m.poweredOn = false;
  // the last status post was when the machine went down, or earlier if the kubelet was stopped
  if (m.kubeletRunning || m.kubeletStoppedAt === undefined) m.kubeletStoppedAt = cluster.now;
  wake(cluster, node);
}

/**
 * The machine boots: the kubelet is enabled in systemd, so it starts with it. On a `cloud`
 * cluster a powered-off machine is a deleted instance: this is the instance created again.
 */
export function powerOn(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (m.poweredOn) return;
  m.poweredOn = true;
  m.kubeletRunning = true;
  delete m.kubeletStoppedAt;
  kubeletStarted(cluster, m);
  wake(cluster, node);
}
