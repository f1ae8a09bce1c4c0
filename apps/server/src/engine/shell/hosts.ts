// The simulated machines: Ubuntu 24.04 hosts with a student account and a small base file system.

import { FileSystem } from './filesystem';
import { FsBase } from './fs-layers';
import type { HostState } from './types';

export const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

export const KERNEL_RELEASE = '6.8.0-48-generic';

/** the default classroom machines: a control-plane node and two workers */
export const DEFAULT_HOSTS: { name: string; ip: string }[] = [
  { name: 'master', ip: '10.0.0.10' },
  { name: 'node1', ip: '10.0.0.11' },
  { name: 'node2', ip: '10.0.0.12' },
];

/** a fresh Ubuntu file system for `hostname` made at `now`; `peers` fill /etc/hosts */
export function baseFileSystem(hostname: string, _ip: string, peers: { name: string; ip: string }[] = DEFAULT_HOSTS, now = 0): FileSystem {
  return FileSystem.over(hostBase(hostname, peers), now);
}

/** shared bases by what they are made from: few (the classroom's host names and addresses) */
const bases = new Map<string, FsBase>();
/** beyond this many kinds of host, the oldest base is no longer shared (hosts over it keep it) */
const MAX_BASES = 64;

/** the fresh Ubuntu files of `hostname`, shared by every host made alike (see FsBase) */
export function hostBase(hostname: string, peers: { name: string; ip: string }[] = DEFAULT_HOSTS): FsBase {
  const key = JSON.stringify([hostname, peers.map((p) => [p.name, p.ip])]);
  let base = bases.get(key);
  if (!base) {
    base = new FsBase(freshFiles(hostname, peers).toJSON().nodes);
    if (bases.size >= MAX_BASES) bases.delete(bases.keys().next().value!);
    bases.set(key, base);
  }
  return base;
}

/** every file and directory made at time 0 (FsBase shows them at the host's own time) */
function freshFiles(hostname: string, peers: { name: string; ip: string }[]): FileSystem {
  const now = 0;
  const fs = new FileSystem();
  const dir = (p: string, owner = 'root', mode = 0o755): void => fs.mkdir(p, { owner, mode, now });
  const file = (p: string, content: string, owner = 'root', mode = 0o644): void => fs.write(p, content, { owner, mode, now });
  // Ubuntu's top-level directories (/mnt, where the docs' PersistentVolume tutorial makes /mnt/data)
  for (const d of ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/var', '/var/lib', '/var/log', '/etc/apt', '/etc/apt/keyrings', '/etc/apt/sources.list.d', '/etc/sysctl.d', '/etc/modules-load.d', '/etc/default']) dir(d);
  fs.mknod('/dev/null', 1, 3, { now });
  dir('/tmp', 'root', 0o1777);
  dir('/root', 'root', 0o700);
  dir('/home/student', 'student', 0o750);
  file('/etc/os-release', OS_RELEASE);
  file('/etc/sysctl.conf', '# /etc/sysctl.conf - Configuration file for setting system variables\n');
  file('/etc/fstab', 'LABEL=cloudimg-rootfs\t/\t ext4\tdiscard,commit=30,errors=remount-ro\t0 1\n/swap.img\tnone\tswap\tsw\t0\t0\n');
  file('/etc/hostname', `${hostname}\n`);
  file('/etc/hosts', `127.0.0.1 localhost\n127.0.1.1 ${hostname}\n${peers.map((p) => `${p.ip} ${p.name}`).join('\n')}\n`);
  file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000:student:/home/student:/bin/bash\n');
  file('/etc/shadow', 'root:*:20000:0:99999:7:::\nstudent:*:20000:0:99999:7:::\n', 'root', 0o640);
  file('/home/student/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', 'student');
  file('/home/student/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n', 'student');
  file('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  return fs;
}

export function newHostState(hostname: string, ip: string, peers?: { name: string; ip: string }[], now = 0): HostState {
  return { hostname, ip, fs: baseFileSystem(hostname, ip, peers, now), services: {} };
}

/** master, node1 and node2, as a fresh cluster of shape `kubeadm` has them */
export function defaultHosts(now = 0): Record<string, HostState> {
  const hosts: Record<string, HostState> = {};
  for (const h of DEFAULT_HOSTS) hosts[h.name] = newHostState(h.name, h.ip, DEFAULT_HOSTS, now);
  return hosts;
}
