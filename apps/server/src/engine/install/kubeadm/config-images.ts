// `kubeadm config images list|pull`: the images a control plane needs, in the order of kubeadm's
// images.GetControlPlaneImages (kube-apiserver, controller-manager, scheduler, kube-proxy, CoreDNS,
// pause, etcd). kubeadm init's preflight suggests pulling them beforehand; the pull goes through
// the host's containerd, so only root can reach its socket.

import type { Sandbox } from '../../sandbox';
import type { CommandContext } from '../../shell/types';
import { KUBERNETES_VERSION } from '../../bootstrap/machines';
import { STACK_HINT } from './preflight';

export const CONTROL_PLANE_IMAGES: readonly string[] = [
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  'registry.k8s.io/coredns/coredns:v1.11.3',
  'registry.k8s.io/pause:3.10',
  'registry.k8s.io/etcd:3.5.16-0',
];

/** what init's pull phase takes for all of them on a classroom network, spread over the images */
export const PULL_ALL_MS = 38_000;

const CRI_SOCKET = '/var/run/containerd/containerd.sock';

/** The images still missing on this host's machine (all of them on a host that is no machine). */
export function missingImages(sandbox: Sandbox, host: string): string[] {
  const have = sandbox.cluster.runtime.machines[host]?.images ?? [];
  return CONTROL_PLANE_IMAGES.filter((i) => !have.includes(i));
}

export async function configCommand(sandbox: Sandbox, ctx: CommandContext, args: string[]): Promise<number> {
  const [group, verb, ...extra] = args;
  if (group !== 'images') {
    ctx.stderr(group ? `unknown command "${group}" for "kubeadm config"\n${STACK_HINT}` : `missing subcommand; "config" is not meant to be run on its own\n${STACK_HINT}`);
    return 1;
  }
  if (verb !== 'list' && verb !== 'pull') {
    ctx.stderr(verb ? `unknown command "${verb}" for "kubeadm config images"\n${STACK_HINT}` : `missing subcommand; "images" is not meant to be run on its own\n${STACK_HINT}`);
    return 1;
  }
  if (extra.length) {
    ctx.stderr(`unknown command "${extra[0]}" for "kubeadm config images ${verb}"\n${STACK_HINT}`);
    return 1;
  }
  if (verb === 'list') {
    ctx.stdout(CONTROL_PLANE_IMAGES.map((i) => `${i}\n`).join(''));
    return 0;
  }
  if (ctx.user !== 'root') {
    ctx.stderr(
      `failed to create new CRI runtime service: validate service connection: validate CRI v1 runtime API for endpoint "unix://${CRI_SOCKET}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${CRI_SOCKET}: connect: permission denied"\n${STACK_HINT}`,
    );
    return 1;
  }
  const missing = new Set(missingImages(sandbox, ctx.host));
  for (const image of CONTROL_PLANE_IMAGES) {
    // an image already present is not fetched again (PullImage with IfNotPresent is instant)
    if (missing.has(image)) await ctx.sleep(Math.round(PULL_ALL_MS / CONTROL_PLANE_IMAGES.length));
    const machine = sandbox.cluster.runtime.machines[ctx.host];
    if (machine && !machine.images.includes(image)) sandbox.cluster.at(ctx.now(), () => machine.images.push(image));
    ctx.stdout(`[config/images] Pulled ${image}\n`);
  }
  return 0;
}
