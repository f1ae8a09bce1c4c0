// The installation's programs on the hosts: apt and friends, gpg, curl for the known downloads,
// kubeadm and the kubelet binary. Programs a host has not installed answer "command not found".

import type { Sandbox } from '../sandbox';
import type { ExternalCommand } from '../shell/types';
import { KUBERNETES_VERSION } from '../bootstrap/machines';
import { addAptRepositoryCommand, aptCommand, aptKeyCommand, aptMarkCommand } from './apt-command';
import { installCurl } from './downloads';
import { gpgCommand } from './gpg-command';
import { isInstalled } from './host-packages';
import { kubeadmCommand, notFound } from './kubeadm/kubeadm-command';
import { registerInstallManifests } from './flannel-manifest';

registerInstallManifests();

/** `cmd` on hosts that have the package `name`; "command not found" elsewhere */
export function requireInstalled(name: string, cmd: ExternalCommand): ExternalCommand {
  return (ctx) => (isInstalled(ctx.hostState, name) ? cmd(ctx) : notFound(ctx, name));
}

const kubelet: ExternalCommand = (ctx) => {
  if (ctx.argv.includes('--version')) {
    ctx.stdout(`Kubernetes ${KUBERNETES_VERSION}\n`);
    return 0;
  }
  ctx.stderr('E1125 00:00:00.000000    4242 run.go:72] "command failed" err="the kubelet runs as a systemd service here: use systemctl status kubelet"\n');
  return 1;
};

export function installCommands(sandbox: Sandbox): Record<string, ExternalCommand> {
  return {
    'apt-get': aptCommand(false),
    apt: aptCommand(true),
    'apt-mark': aptMarkCommand,
    'apt-key': aptKeyCommand,
    'apt-add-repository': addAptRepositoryCommand,
    'add-apt-repository': addAptRepositoryCommand,
    gpg: gpgCommand,
    curl: installCurl,
    kubeadm: kubeadmCommand(sandbox),
    kubelet: requireInstalled('kubelet', kubelet),
  };
}
