// What the rollout subcommands share: the ReplicaSets a Deployment owns and their revisions
// (deploymentutil.GetAllReplicaSets and Revision), and the kind checks of polymorphichelpers.

import { Deployment, KubeObject, ReplicaSet } from '../../api/types';
import { Invocation } from '../command';

export const REVISION = 'deployment.kubernetes.io/revision';
export { CHANGE_CAUSE } from '../object-ops';

/** The ReplicaSets whose controller is `d`. */
export function ownedReplicaSets(inv: Invocation, d: Deployment): ReplicaSet[] {
  return (inv.host.cluster.api.list('replicasets', { namespace: d.metadata.namespace }) as ReplicaSet[]).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
  );
}

/** The revision annotation as a number; undefined when missing or malformed. */
export function revisionOf(obj: KubeObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return parseInt(v, 10);
}

/** `deployments.apps` for a Deployment: the resource[.group] kubectl puts in rollout errors. */
export function resourceString(inv: Invocation, obj: KubeObject): string {
  const info = inv.host.cluster.api.infoFor(obj);
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
