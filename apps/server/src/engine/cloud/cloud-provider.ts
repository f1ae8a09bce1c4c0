// The simulated cloud behind a `cloud` cluster: a GCE-like provider (project, region, zones,
// instances with public addresses, routes, load balancers). Its state lives in
// runtime.sections.cloud; a machine that is powered off on a `cloud` cluster is an instance
// deleted in the cloud.

import type { ControllerContext } from '../controllers/controller';

export const PROJECT = 'kubeaula-classroom';
export const REGION = 'europe-west1';
export const ZONES = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
export const INSTANCE_TYPE = 'e2-medium';
export const UNINITIALIZED_TAINT = 'node.cloudprovider.kubernetes.io/uninitialized';

export interface Instance {
  zone: string;
  externalIP: string;
}

export interface CloudSection {
  instances: Record<string, Instance>;
  /** node → destination pod CIDR of its route */
  routes: Record<string, string>;
  /** service uid → forwarding rule address */
  loadBalancers: Record<string, string>;
  /** disk names by volume name */
  disks: Record<string, string>;
}

export function cloudSection(ctx: Pick<ControllerContext, 'runtime'>): CloudSection {
  const s = (ctx.runtime.sections.cloud ??= {});
  s.instances ??= {};
  s.routes ??= {};
  s.loadBalancers ??= {};
  s.disks ??= {};
  return s as CloudSection;
}

/** a public address in Google's 34.x range, from the seeded source */
export function publicIP(ctx: ControllerContext): string {
  return `34.${76 + ctx.rng.int(80)}.${ctx.rng.int(256)}.${1 + ctx.rng.int(254)}`;
}

/** The instance behind a node, created on first sight (its zone by the machine's position). */
export function instanceFor(ctx: ControllerContext, node: string): Instance | undefined {
  const machine = ctx.runtime.machines[node];
  if (!machine) return undefined;
  const s = cloudSection(ctx);
  if (!s.instances[node]) {
    const index = Object.keys(ctx.runtime.machines).indexOf(node);
    s.instances[node] = { zone: ZONES[index % ZONES.length], externalIP: publicIP(ctx) };
  }
  return s.instances[node];
}

/** Whether the instance still exists in the cloud (a powered-off machine is a deleted one). */
export function instanceExists(ctx: ControllerContext, node: string): boolean {
  const machine = ctx.runtime.machines[node];
  return !!machine && machine.poweredOn;
}

export function providerID(node: string, zone: string): string {
  return `gce://${PROJECT}/${zone}/${node}`;
}
