// A `bare` cluster's hosts before anything Kubernetes is installed: fresh Ubuntu 24.04 with
// containerd installed and configured for the kubelet (the systemd cgroup driver), swap on as
// the installer left it, and IP forwarding still off. The student installs the rest.

import type { HostState } from '../shell/types';
import { kernelState } from '../shell/utils/kernel';
import { bareAptState } from './host-packages';

/** The part of `containerd config default` that matters, with SystemdCgroup switched on. */
export const CONTAINERD_CONFIG = `disabled_plugins = []
imports = []
oom_score = 0
plugin_dir = ""
required_plugins = []
root = "/var/lib/containerd"
state = "/run/containerd"
temp = ""
version = 2

[grpc]
  address = "/run/containerd/containerd.sock"

[plugins]

  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "registry.k8s.io/pause:3.10"

    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "/opt/cni/bin"
      conf_dir = "/etc/cni/net.d"

    [plugins."io.containerd.grpc.v1.cri".containerd]
      default_runtime_name = "runc"
      snapshotter = "overlayfs"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes]

        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"

          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
            SystemdCgroup = true
`;

export function prepareBareHost(host: HostState, now: number): void {
  const fs = host.fs;
  for (const d of ['/etc/containerd', '/opt/cni', '/opt/cni/bin', '/etc/cni', '/etc/cni/net.d', '/var/lib/containerd']) {
    if (!fs.exists(d)) fs.mkdir(d, { owner: 'root', mode: 0o755, now });
  }
  fs.write('/etc/containerd/config.toml', CONTAINERD_CONFIG, { owner: 'root', mode: 0o644, now });
  const kernel = kernelState(host);
  kernel.swap = true;
  // containerd's unit loads overlay; br_netfilter is the student's (kubeadm no longer checks it)
  for (const m of ['overlay']) if (!kernel.modules.includes(m)) kernel.modules.push(m);
  host.services.apt = bareAptState();
}
