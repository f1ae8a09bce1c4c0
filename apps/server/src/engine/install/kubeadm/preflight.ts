// kubeadm's preflight checks (cmd/kubeadm/app/preflight/checks.go) that a classroom host can
// fail: root, the control plane already there, IP forwarding, the kubelet binary, swap (a
// warning since v1.28). Failures print as kubeadm prints them and end with its phase error.

import type { CommandContext } from '../../shell/types';
import { kernelState } from '../../shell/utils/kernel';
import { isInstalled } from '../host-packages';

export interface Check {
  name: string;
  message: string;
}

export interface PreflightResult {
  warnings: Check[];
  errors: Check[];
}

const CONTROL_PLANE_FILES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

export const NOT_ROOT: Check = { name: 'IsPrivilegedUser', message: 'user is not running as root' };

/** the checks `kubeadm init` (role 'init') or `kubeadm join` (role 'join') runs on this host */
export function preflight(ctx: CommandContext, role: 'init' | 'join', controlPlaneUp: boolean, joined: boolean): PreflightResult {
  const errors: Check[] = [];
  const warnings: Check[] = [];
  const fs = ctx.hostState.fs;
  if (role === 'init') {
    if (controlPlaneUp) for (const p of ['6443', '10259', '10257']) errors.push({ name: `Port-${p}`, message: `Port ${p} is in use` });
    for (const f of CONTROL_PLANE_FILES) {
      const path = `/etc/kubernetes/manifests/${f}.yaml`;
      if (fs.exists(path)) errors.push({ name: `FileAvailable-${path.replace(/\//g, '-')}`, message: `${path} already exists` });
    }
    if (controlPlaneUp) {
      for (const p of ['10250', '2379', '2380']) errors.push({ name: `Port-${p}`, message: `Port ${p} is in use` });
      errors.push({ name: 'DirAvailable--var-lib-etcd', message: '/var/lib/etcd is not empty' });
    }
  } else {
    if (fs.exists('/etc/kubernetes/kubelet.conf')) errors.push({ name: 'FileAvailable--etc-kubernetes-kubelet.conf', message: '/etc/kubernetes/kubelet.conf already exists' });
    if (joined) errors.push({ name: 'Port-10250', message: 'Port 10250 is in use' });
    if (fs.exists('/etc/kubernetes/pki/ca.crt')) errors.push({ name: 'FileAvailable--etc-kubernetes-pki-ca.crt', message: '/etc/kubernetes/pki/ca.crt already exists' });
  }
  const kernel = kernelState(ctx.hostState);
  if (kernel.sysctl['net.ipv4.ip_forward'] !== '1') {
    errors.push({ name: 'FileContent--proc-sys-net-ipv4-ip_forward', message: '/proc/sys/net/ipv4/ip_forward contents are not set to 1' });
  }
  if (kernel.swap) {
    warnings.push({
      name: 'Swap',
      message: 'swap is supported for cgroup v2 only. The kubelet must be properly configured to use swap. Please refer to https://kubernetes.io/docs/concepts/architecture/nodes/#swap-memory, or disable swap on the node',
    });
  }
  if (!isInstalled(ctx.hostState, 'kubelet')) {
    errors.push({ name: 'KubeletVersion', message: "couldn't get kubelet version: cannot execute 'kubelet --version': executable file not found in $PATH" });
  }
  return { warnings, errors };
}

/** --ignore-preflight-errors: names (case-insensitive) or `all` turn errors into warnings */
export function applyIgnores(r: PreflightResult, ignore: string[]): PreflightResult {
  const set = new Set(ignore.map((s) => s.toLowerCase()));
  const ignored = (c: Check): boolean => set.has('all') || set.has(c.name.toLowerCase());
  return { warnings: [...r.warnings, ...r.errors.filter(ignored)], errors: r.errors.filter((c) => !ignored(c)) };
}

export function warningLines(checks: Check[]): string {
  return checks.map((c) => `\t[WARNING ${c.name}]: ${c.message}\n`).join('');
}

/** the error kubeadm returns from the preflight phase (printed on stderr, exit 1) */
export function preflightError(errors: Check[]): string {
  return (
    'error execution phase preflight: [preflight] Some fatal errors occurred:\n' +
    errors.map((c) => `\t[ERROR ${c.name}]: ${c.message}\n`).join('') +
    '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\n' +
    STACK_HINT
  );
}

export const STACK_HINT = 'To see the stack trace of this error execute with --v=5 or higher\n';
