// The live picture of a cluster, as plain data for the lesson page (server-rendered by
// views/partials/picture.hbs, redrawn by public/js/picture.js): nodes with their pods inside,
// each pod with its phase and kubectl's STATUS word, and services with the pods they select.
import type { KubeObject, Node, Pod, Service } from '../engine/api/types';
import { nodeRoles, nodeStatus } from '../engine/kubectl/printers/columns/node';
import { summarizePod } from '../engine/kubectl/printers/columns/pod';

/** Namespaces whose pods are the cluster's own machinery, hidden unless asked for. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-flannel', 'kube-public', 'kube-node-lease', 'tigera-operator', 'calico-system']);

export interface PictureLabel {
  key: string;
  value: string;
}

export interface PicturePod {
  /** `namespace/name`: unique in the cluster, what services link to */
  key: string;
  namespace: string;
  name: string;
  /** status.phase (Pending, Running, Succeeded, Failed, Unknown) */
  phase: string;
  /** kubectl get's STATUS column (ContainerCreating, CrashLoopBackOff, Terminating, ...) */
  status: string;
  ready: string;
  restarts: number;
  node?: string;
  system: boolean;
  labels: PictureLabel[];
}

export interface PictureNode {
  name: string;
  /** kubectl get nodes' STATUS (Ready, NotReady, Unknown, with ,SchedulingDisabled) */
  status: string;
  ready: boolean;
  roles: string;
  pods: PicturePod[];
}

export interface PictureService {
  key: string;
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  ports: string;
  selector: PictureLabel[];
  /** keys of the pods the selector matches (none without a selector) */
  pods: string[];
  system: boolean;
}

export interface ClusterPicture {
  version: number;
  nodes: PictureNode[];
  /** pods not (yet) bound to a node, or bound to a node that does not exist */
  unscheduled: PicturePod[];
  services: PictureService[];
  /** services outside the system's namespaces (none: the page says so while system ones are hidden) */
  ownServices: number;
}

const byName = <T extends { namespace?: string; name: string }>(a: T, b: T): number =>
  (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);

const labelList = (labels: Record<string, string> | undefined): PictureLabel[] =>
  Object.entries(labels ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));

function picturePod(pod: Pod): PicturePod {
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const s = summarizePod(pod);
  const p: PicturePod = {
    key: `${namespace}/${name}`,
    namespace,
    name,
    phase: typeof pod.status?.phase === 'string' ? pod.status.phase : 'Pending',
    status: s.status,
    ready: s.ready,
    restarts: s.restarts,
    system: SYSTEM_NAMESPACES.has(namespace),
    labels: labelList(pod.metadata.labels),
  };
  if (pod.spec?.nodeName) p.node = pod.spec.nodeName;
  return p;
}

function ports(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
}

export function clusterPicture(version: number, nodes: KubeObject[], pods: KubeObject[], services: KubeObject[]): ClusterPicture {
  const allPods = (pods as Pod[]).map(picturePod).sort(byName);
  const pictureNodes: PictureNode[] = (nodes as Node[])
    .map((n) => {
      const status = nodeStatus(n);
      const name = n.metadata.name ?? '';
      return { name, status, ready: status.startsWith('Ready'), roles: nodeRoles(n).join(',') || '<none>', pods: allPods.filter((p) => p.node === name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const known = new Set(pictureNodes.map((n) => n.name));
  const pictureServices: PictureService[] = (services as Service[])
    .map((svc) => {
      const namespace = svc.metadata.namespace ?? 'default';
      const name = svc.metadata.name ?? '';
      const selector = svc.spec?.selector ?? {};
      const entries = Object.entries(selector);
      const selected = entries.length
        ? allPods.filter((p) => p.namespace === namespace && entries.every(([k, v]) => p.labels.some((l) => l.key === k && l.value === v))).map((p) => p.key)
        : [];
      return {
        key: `${namespace}/${name}`,
        namespace,
        name,
        type: svc.spec?.type ?? 'ClusterIP',
        clusterIP: svc.spec?.clusterIP ?? '',
        ports: ports(svc),
        selector: labelList(selector),
        pods: selected,
        // the API server's own `kubernetes` service is machinery too
        system: SYSTEM_NAMESPACES.has(namespace) || (namespace === 'default' && name === 'kubernetes'),
      };
    })
    .sort(byName);
  return {
    version,
    nodes: pictureNodes,
    unscheduled: allPods.filter((p) => !p.node || !known.has(p.node)),
    services: pictureServices,
    ownServices: pictureServices.filter((s) => !s.system).length,
  };
}
