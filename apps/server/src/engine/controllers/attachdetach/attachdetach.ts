// The attach-detach controller of kube-controller-manager, for the one case the simulation has
// where attaching fails: an in-tree cloud volume (awsElasticBlockStore, azureDisk,
// gcePersistentDisk, vsphereVolume) translated to a CSI driver the cluster lacks. Its
// VolumeAttachment is never attached, so each attempt times out after csiTimeout (2 min) with
// FailedAttachVolume, and the operation executor retries with an exponential back-off (500 ms
// doubling, capped at 2 min 2 s). The kubelet meanwhile waits for the attach (kubelet/pod-sync):
// the pod stays ContainerCreating. Failure times are computed from when the pod reached its node.

import type { Pod } from '../../api/types';
import { Controller, ControllerContext, keyOf, splitKey } from '../controller';
import { CloudVolume, unattachableVolumes } from './cloud-volumes';

export const ATTACH_DETACH = 'attachdetach';
/** csi_attacher's wait for the external-attacher */
export const ATTACH_TIMEOUT_MS = 2 * 60_000;
const BACKOFF_INITIAL_MS = 500;
const BACKOFF_MAX_MS = 2 * 60_000 + 2_000;

interface Attempts {
  uid: string;
  /** when the controller first wanted the pod's volumes on its node */
  since: number;
  /** failures reported so far */
  failures: number;
}

function section(ctx: ControllerContext): Record<string, Attempts> {
  return ((ctx.runtime.sections.attachdetach ??= { pods: {} }) as { pods: Record<string, Attempts> }).pods;
}

/** when the `k`th attempt (1-based) fails */
export function failureAt(since: number, k: number): number {
  let t = since;
  for (let i = 1; i <= k; i++) {
    if (i > 1) t += Math.min(BACKOFF_INITIAL_MS * 2 ** (i - 2), BACKOFF_MAX_MS);
    t += ATTACH_TIMEOUT_MS;
  }
  return t;
}

export function attachFailedMessage(v: CloudVolume): string {
  return `AttachVolume.Attach failed for volume "${v.name}" : timed out waiting for external-attacher of ${v.driver} CSI driver to attach volume ${v.handle}`;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function mayNeedAttach(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.awsElasticBlockStore || v.gcePersistentDisk || v.azureDisk || v.vsphereVolume);
}

export function attachDetachController(): Controller {
  return {
    name: ATTACH_DETACH,
    resources: ['pods', 'persistentvolumes'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'pods') {
        const pod = ev.object as Pod;
        // the common case, a pod with no volume to attach and none waiting, builds no key
        const waiting = section(ctx);
        if ((pod.spec?.nodeName && mayNeedAttach(pod)) || (!isEmpty(waiting) && waiting[keyOf(pod)])) enqueue(keyOf(pod));
        return;
      }
      // a volume bound later changes what the pods waiting on it need
      for (const key of Object.keys(section(ctx))) enqueue(key);
    },
    sync(key, ctx) {
      const attempts = section(ctx);
      const { namespace, name } = splitKey(key);
      const pod = ctx.store.get('pods', namespace, name) as Pod | undefined;
      const done = !pod || !pod.spec.nodeName || pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const volumes = done ? [] : unattachableVolumes(ctx.store, ctx.config, pod);
      if (!volumes.length) {
        delete attempts[key];
        return;
      }
      let a = attempts[key];
      if (!a || a.uid !== pod!.metadata.uid) a = attempts[key] = { uid: pod!.metadata.uid!, since: ctx.now, failures: 0 };
      while (failureAt(a.since, a.failures + 1) <= ctx.now) {
        for (const v of volumes) ctx.record(pod!, 'Warning', 'FailedAttachVolume', attachFailedMessage(v), { component: 'attachdetach-controller' });
        a.failures++;
      }
      ctx.schedule(failureAt(a.since, a.failures + 1), key);
    },
  };
}
