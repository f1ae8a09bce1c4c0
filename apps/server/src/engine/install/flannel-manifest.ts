// flannel's well-known manifest (pinned v0.26.1), served for its addresses to `kubectl apply -f`.
// The objects are the ones the bootstrap of a `kubeadm` cluster creates, in the file's order.

import { stringify } from 'yaml';
import type { KubeObject } from '../api/types';
import { MASTER_IP } from '../bootstrap/machines';
import { systemObjects } from '../bootstrap/system-objects';
import { registerKnownManifest } from '../kubectl/known-manifests';

export const FLANNEL_URLS = [
  'https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
  'https://github.com/flannel-io/flannel/releases/download/v0.26.1/kube-flannel.yml',
  'https://raw.githubusercontent.com/flannel-io/flannel/master/Documentation/kube-flannel.yml',
  'https://raw.githubusercontent.com/coreos/flannel/master/Documentation/kube-flannel.yml',
];

const ORDER = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'DaemonSet'];

export function flannelObjects(): KubeObject[] {
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } };
  const picked = systemObjects(MASTER_IP).filter((o) => o.metadata.namespace === 'kube-flannel' || (o.metadata.name === 'flannel' && /^ClusterRole/.test(o.kind)));
  picked.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return [ns, ...picked];
}

export function flannelManifest(): string {
  return flannelObjects()
    .map((o) => stringify(o, { lineWidth: 0 }))
    .join('---\n');
}

export function registerInstallManifests(): void {
  for (const url of FLANNEL_URLS) registerKnownManifest(url, flannelManifest);
}
