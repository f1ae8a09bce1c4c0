// The Debian packages on a simulated host, as dpkg and apt know them: what is installed (and
// held), whether `apt-get update` has read the Kubernetes repository. Kept in the host's
// `services.apt` record. A host without the record belongs to a cluster that was installed
// before it was handed over (`kubeadm` and `cloud` shapes): everything is there.

import type { HostState } from '../shell/types';

export interface AptState {
  /** package name → installed version */
  installed: Record<string, string>;
  /** `apt-mark hold` */
  held: string[];
  /** package lists read by the last `apt-get update`: which Kubernetes repository they include */
  lists: ('pkgs' | 'legacy')[];
  /** `apt-key add` was given the old Google key */
  legacyKey: boolean;
}

/** The Kubernetes packages pkgs.k8s.io v1.32 serves, with what they pull in. */
export const KUBE_PACKAGES: Record<string, { version: string; size: number; depends: string[]; installedKb: number }> = {
  kubeadm: { version: '1.32.5-1.1', size: 12_204_372, depends: ['cri-tools', 'kubernetes-cni'], installedKb: 72_780 },
  kubelet: { version: '1.32.5-1.1', size: 15_224_412, depends: ['conntrack', 'cri-tools', 'kubernetes-cni'], installedKb: 79_360 },
  kubectl: { version: '1.32.5-1.1', size: 11_283_580, depends: [], installedKb: 58_964 },
  'cri-tools': { version: '1.32.0-1.1', size: 16_276_680, depends: [], installedKb: 62_408 },
  'kubernetes-cni': { version: '1.6.0-1.1', size: 37_936_256, depends: [], installedKb: 153_572 },
};

/** From Ubuntu's own archive. */
export const UBUNTU_PACKAGES: Record<string, { version: string; size: number; installedKb: number }> = {
  conntrack: { version: '1:1.4.8-1ubuntu1', size: 37_934, installedKb: 112 },
  containerd: { version: '1.7.24-0ubuntu1~24.04.1', size: 38_521_304, installedKb: 149_196 },
  'apt-transport-https': { version: '2.7.14build2', size: 3_974, installedKb: 35 },
  'ca-certificates': { version: '20240203', size: 159_504, installedKb: 398 },
  curl: { version: '8.5.0-2ubuntu10.6', size: 227_052, installedKb: 524 },
  gpg: { version: '2.4.4-2ubuntu17', size: 565_488, installedKb: 1_448 },
};

/** What a fresh `bare` host has: Ubuntu's base and containerd (installed as Kubernetes needs it). */
export function bareAptState(): AptState {
  const installed: Record<string, string> = {};
  for (const name of ['apt-transport-https', 'ca-certificates', 'curl', 'gpg', 'containerd']) installed[name] = UBUNTU_PACKAGES[name].version;
  return { installed, held: [], lists: [], legacyKey: false };
}

/** The host's apt state; undefined on hosts of a cluster installed beforehand. */
export function aptState(host: HostState): AptState | undefined {
  return host.services.apt as AptState | undefined;
}

/** Whether the program `name` is installed on the host. */
export function isInstalled(host: HostState, name: string): boolean {
  const st = aptState(host);
  if (!st) return true;
  return Object.hasOwn(st.installed, name);
}
