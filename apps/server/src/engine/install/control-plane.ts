// What kubeadm does to the cluster (the API side of `kubeadm init`, `join` and `reset`) on a
// `bare` cluster, one step at a time: the control plane comes up with its node NotReady and
// CoreDNS Pending until a pod network add-on is applied; workers join the same way. The
// `kubeadm` and `cloud` shapes get all of it at once from bootstrap's initControlPlane.

import type { Cluster } from '../cluster';
import { clone } from '../api/store';
import type { KubeObject, Node } from '../api/types';
import { MASTER_IMAGES, controlPlaneManifests } from '../bootstrap/bootstrap';
import { KUBERNETES_VERSION, nodeObject } from '../bootstrap/machines';
import { nodeLease } from '../bootstrap/lease';
import { systemObjects } from '../bootstrap/system-objects';
import { parseTime, rfc3339 } from '../time';
import { stopKubelet } from '../operations/node-operations';
import { decodeBase64 } from '../api/defaults/base64';

export const TOKEN_TTL_MS = 24 * 3600_000;
export const CLOUD_PROVIDER_EXTERNAL_ARG = 'cloud-provider';

/** kubeadm's own record of the cluster it made (runtime.sections.kubeadm). */
export interface KubeadmSection {
  /** sha256 of the cluster CA's public key, hex */
  caCertHash: string;
  podNetworkCidr?: string;
  /** kubelets started with --cloud-provider=external, by node */
  externalCloud: Record<string, boolean>;
}

export function kubeadmSection(cluster: Cluster): KubeadmSection | undefined {
  return cluster.runtime.sections.kubeadm as KubeadmSection | undefined;
}

export interface InitOptions {
  podNetworkCidr?: string;
  externalCloudProvider: boolean;
  token: string;
}

function isFlannel(o: KubeObject): boolean {
  return o.metadata.namespace === 'kube-flannel' || (o.metadata.name === 'flannel' && /^ClusterRole/.test(o.kind));
}

/** The objects kubeadm creates, adapted to the pod network CIDR given (or none). */
function kubeadmObjects(masterIp: string, cidr: string | undefined): KubeObject[] {
  return systemObjects(masterIp)
    .filter((o) => !isFlannel(o))
    .map((o) => {
      if (o.kind !== 'ConfigMap' || o.metadata.namespace !== 'kube-system') return o;
      const data = { ...(o.data as Record<string, string>) };
      for (const [k, v] of Object.entries(data)) {
        data[k] = cidr ? v.replace(/10\.244\.0\.0\/16/g, cidr) : v.replace(/^ {2}podSubnet: .*\n/m, '').replace(/^clusterCIDR: .*\n/m, '');
      }
      return { ...o, data };
    });
}

/** The control plane's static pods as `kubeadm init` writes them (the pod CIDR in the controller manager's flags). */
export function staticPodsFor(ip: string, cidr: string | undefined): KubeObject[] {
  return controlPlaneManifests(ip).map((m) => {
    if (m.metadata.name !== 'kube-controller-manager') return m;
    const c = clone(m);
    const cmd: string[] = c.spec.containers[0].command;
    c.spec.containers[0].command = cidr
      ? cmd.map((a) => (a.startsWith('--cluster-cidr=') ? `--cluster-cidr=${cidr}` : a))
      : cmd.filter((a) => !a.startsWith('--cluster-cidr=') && !a.startsWith('--allocate-node-cidrs'));
    return c;
  });
}

function registerNode(cluster: Cluster, name: string, controlPlane: boolean, externalCloudProvider: boolean): void {
  const m = cluster.runtime.machines[name];
  const section = kubeadmSection(cluster)!;
  const node = nodeObject(m, cluster.rng, { controlPlane, externalCloudProvider, networkReady: false, at: rfc3339(cluster.now) });
  if (!section.podNetworkCidr) {
    delete node.spec.podCIDR;
    delete node.spec.podCIDRs;
  }
  m.joined = true;
  m.kubeletRunning = true;
  section.externalCloud[name] = externalCloudProvider;
  // a host that joins again re-registers under its name
  if (cluster.store.get('nodes', undefined, name)) cluster.api.delete('nodes', undefined, name);
  const registered = cluster.api.create(node, { internal: true });
  const lease = cluster.store.get('leases', 'kube-node-lease', name);
  if (lease) cluster.api.delete('leases', 'kube-node-lease', name);
  cluster.api.create(nodeLease(registered, cluster.now), { internal: true });
}

/** `kubeadm init` on master, from preflight to the addons. Call inside cluster.at(now, ...). */
export function initCluster(cluster: Cluster, opts: InitOptions): void {
  const { runtime, api } = cluster;
  const master = runtime.machines.master;
  runtime.sections.kubeadm = { caCertHash: cluster.rng.hex(64), podNetworkCidr: opts.podNetworkCidr, externalCloud: {} } satisfies KubeadmSection;
  runtime.apiServerUp = true;
  runtime.apiServerEndpoint = `https://${master.ip}:6443`;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    if (!cluster.store.get('namespaces', undefined, ns)) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } }, { internal: true });
  }
  const pulled = [...MASTER_IMAGES, `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, 'registry.k8s.io/pause:3.10'];
  master.images = [...new Set([...master.images, ...pulled])];
  master.staticPods = staticPodsFor(master.ip, opts.podNetworkCidr);
  registerNode(cluster, 'master', true, opts.externalCloudProvider);
  for (const o of kubeadmObjects(master.ip, opts.podNetworkCidr)) {
    if (!cluster.store.get(resourceOf(o), o.metadata.namespace, o.metadata.name!)) api.create(o, { internal: true });
  }
  createBootstrapToken(cluster, opts.token, 'The default bootstrap token generated by \'kubeadm init\'.');
}

function resourceOf(o: KubeObject): string {
  const plural: Record<string, string> = {
    Service: 'services',
    Endpoints: 'endpoints',
    EndpointSlice: 'endpointslices',
    ConfigMap: 'configmaps',
    ServiceAccount: 'serviceaccounts',
    ClusterRole: 'clusterroles',
    ClusterRoleBinding: 'clusterrolebindings',
    DaemonSet: 'daemonsets',
    Deployment: 'deployments',
  };
  return plural[o.kind] ?? `${o.kind.toLowerCase()}s`;
}

/** `kubeadm join` on a worker: its kubelet registers the Node (NotReady until the network runs). */
export function joinNode(cluster: Cluster, name: string, externalCloudProvider: boolean): void {
  registerNode(cluster, name, false, externalCloudProvider);
  cluster.enqueue('kubelet', `machine:${name}`);
}

/** `kubeadm reset` on a host: its kubelet stops; on master the control plane goes away. */
export function resetNode(cluster: Cluster, name: string): void {
  const m = cluster.runtime.machines[name];
  if (!m) return;
  m.joined = false;
  m.staticPods = [];
  stopKubelet(cluster, name);
  if (name === 'master') {
    cluster.runtime.apiServerUp = false;
    delete cluster.runtime.sections.kubeadm;
  }
  cluster.enqueue('kubelet', `machine:${name}`);
}

// ---- bootstrap tokens: Secrets bootstrap-token-<id> in kube-system, as kubeadm stores them ----

export interface BootstrapToken {
  token: string;
  expires: number;
  description: string;
  usages: string[];
  groups: string;
}

/** a token `[a-z0-9]{6}.[a-z0-9]{16}` from the cluster's seeded source */
export function newToken(cluster: Cluster): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (n: number): string => Array.from({ length: n }, () => chars[cluster.rng.int(chars.length)]).join('');
  return `${pick(6)}.${pick(16)}`;
}

/** `ttlMs` 0: the token never expires */
export function createBootstrapToken(cluster: Cluster, token: string, description?: string, ttlMs = TOKEN_TTL_MS): void {
  const [id, secret] = token.split('.');
  cluster.api.create(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'bootstrap.kubernetes.io/token',
      metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
      stringData: {
        ...(description ? { description } : {}),
        'token-id': id,
        'token-secret': secret,
        ...(ttlMs > 0 ? { expiration: rfc3339(cluster.now + ttlMs) } : {}),
        'usage-bootstrap-authentication': 'true',
        'usage-bootstrap-signing': 'true',
        'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
      },
    } as KubeObject,
    { internal: true },
  );
}

/** The tokens stored in the cluster that have not expired at `now` (the token cleaner removes the rest). */
export function bootstrapTokens(cluster: Cluster): BootstrapToken[] {
  const out: BootstrapToken[] = [];
  for (const s of cluster.store.list('secrets', 'kube-system')) {
    if ((s as { type?: string }).type !== 'bootstrap.kubernetes.io/token') continue;
    const data = ((s as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
    const get = (k: string): string => (data[k] ? decodeBase64(data[k]) : '');
    const expires = data.expiration ? parseTime(get('expiration')) : Infinity;
    if (!(expires > cluster.now)) continue;
    out.push({
      token: `${get('token-id')}.${get('token-secret')}`,
      expires,
      description: get('description'),
      usages: ['authentication', 'signing'].filter((u) => get(`usage-bootstrap-${u}`) === 'true'),
      groups: get('auth-extra-groups'),
    });
  }
  return out;
}

/** The node NotReady for want of a network, as the kubelet reports it. */
export function networkNotReady(node: Node): boolean {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'False' && ready.reason === 'KubeletNotReady' && !!ready.message?.startsWith('container runtime network not ready');
}
