// What `kubeadm init` leaves under /etc/kubernetes on the control plane: the certificates and
// keys, the kubeconfig files, and the static pod manifests the kubelet runs, written from the
// same objects its mirror pods show (so `cat` and `kubectl get pod -o yaml` agree).

import { KubeObject } from '../../api/types';
import { adminKubeconfig } from '../../bootstrap/kubeconfig';
import { toYaml } from '../../kubectl/printers/yaml';
import { FileSystem } from '../../shell/filesystem';

const PKI = ['ca.crt', 'ca.key', 'apiserver.crt', 'apiserver.key', 'sa.key', 'sa.pub'];
const KUBECONFIGS = ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf'];

/** Writes a root-owned file, making its directories as root. */
export function writeRootFile(fs: FileSystem, path: string, content: string, mode: number, now: number): void {
  rootDir(fs, path.slice(0, path.lastIndexOf('/')), now);
  fs.write(path, content, { owner: 'root', mode, now });
}

function rootDir(fs: FileSystem, dir: string, now: number): void {
  if (!fs.exists(dir)) fs.mkdir(dir, { owner: 'root', mode: 0o755, now, parents: true });
}

/** A joined worker's: the cluster's CA, the kubelet's kubeconfig, and the (empty) static pod directory. */
export function writeNodeFiles(fs: FileSystem, endpoint: string, now: number): void {
  writeNodeCa(fs, now);
  writeKubeletConf(fs, endpoint, now);
}

/** What `kubeadm join` writes as it starts the kubelet: the CA (and the kubelet's static pod directory). */
export function writeNodeCa(fs: FileSystem, now: number): void {
  rootDir(fs, '/etc/kubernetes/manifests', now);
  writeRootFile(fs, '/etc/kubernetes/pki/ca.crt', 'ca.crt\n', 0o644, now);
}

/** What the kubelet's TLS bootstrap leaves once it joined. */
export function writeKubeletConf(fs: FileSystem, endpoint: string, now: number): void {
  writeRootFile(fs, '/etc/kubernetes/kubelet.conf', adminKubeconfig(endpoint), 0o600, now);
}

export function writeControlPlaneFiles(fs: FileSystem, endpoint: string, staticPods: readonly KubeObject[], now: number): void {
  const write = (path: string, content: string, mode: number): void => writeRootFile(fs, path, content, mode, now);
  for (const f of PKI) write(`/etc/kubernetes/pki/${f}`, `${f}\n`, f.endsWith('.crt') || f.endsWith('.pub') ? 0o644 : 0o600);
  const kubeconfig = adminKubeconfig(endpoint);
  for (const f of KUBECONFIGS) write(`/etc/kubernetes/${f}`, kubeconfig, 0o600);
  // kubeadm's WriteStaticPodToDisk: mode 0600
  for (const pod of staticPods) write(`/etc/kubernetes/manifests/${pod.metadata.name}.yaml`, staticPodManifest(pod), 0o600);
}

/** A static pod as kubeadm marshals it: a zero creationTimestamp, an empty status, no empty maps. */
function staticPodManifest(pod: KubeObject): string {
  const { annotations, ...meta } = pod.metadata;
  const metadata = { ...(annotations && Object.keys(annotations).length ? { annotations } : {}), creationTimestamp: null, ...meta };
  return toYaml({ apiVersion: pod.apiVersion, kind: pod.kind, metadata, spec: pod.spec, status: {} });
}
