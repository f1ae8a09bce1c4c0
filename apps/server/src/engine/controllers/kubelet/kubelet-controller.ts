// The kubelet of every machine, as one controller: pods bound to a machine whose kubelet runs
// are synced by key `namespace/name`; `machine:<node>` keeps that machine's static pods' mirror
// pods and resumes its pods (enqueue it after changing a machine's kubeletRunning/poweredOn).

import { jsonEqual } from '../../api/json-equal';
import { Pod } from '../../api/types';
import { Controller, keyOf } from '../controller';
import { MIRROR_ANNOTATION, ownStatusWrite, syncPod } from './pod-sync';
import { kubeletSection } from './runtime-state';
import { syncMachine } from './static-pods';

export const KUBELET = 'kubelet';

export function machineKey(node: string): string {
  return `machine:${node}`;
}

function statusOnly(a: Pod, b: Pod): boolean {
  return (
    // a binding changes only nodeName: seen before comparing the whole spec
    (a.spec === b.spec || (a.spec.nodeName === b.spec.nodeName && jsonEqual(a.spec, b.spec))) &&
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    a.metadata.uid === b.metadata.uid &&
    jsonEqual(a.metadata.annotations, b.metadata.annotations)
  );
}

export function kubeletController(): Controller {
  return {
    name: KUBELET,
    resources: ['pods', 'nodes', 'configmaps', 'secrets'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'pods') {
        const pod = ev.object as Pod;
        // the kubelet's own status writes need no new sync
        if (ev.type === 'MODIFIED' && (ownStatusWrite.active || (ev.old && statusOnly(ev.old as Pod, pod)))) return;
        const node = pod.spec?.nodeName ?? (ev.old as Pod | undefined)?.spec?.nodeName;
        if (node || kubeletSection(ctx.runtime).pods[keyOf(pod)]) enqueue(keyOf(pod));
        if (ev.type === 'DELETED' && node && pod.metadata.annotations?.[MIRROR_ANNOTATION]) enqueue(machineKey(node));
        return;
      }
      if (ev.resource === 'nodes') {
        if (ev.type !== 'DELETED') enqueue(machineKey(ev.object.metadata.name!));
        return;
      }
      if (ev.resource === 'configmaps' || ev.resource === 'secrets') {
        // containers waiting on a missing ConfigMap or Secret retry when one appears or changes
        const prefix = `${ev.object.metadata.namespace}/`;
        for (const [key, prt] of Object.entries(kubeletSection(ctx.runtime).pods)) {
          if (key.startsWith(prefix) && prt.containers.some((c) => c.stage === 'configError')) {
            for (const c of prt.containers) if (c.stage === 'configError' && c.nextAt === undefined) c.nextAt = ctx.now;
            enqueue(key);
          }
        }
      }
    },
    sync(key, ctx) {
      if (key.startsWith('machine:')) syncMachine(ctx, key.slice('machine:'.length));
      else syncPod(ctx, key);
    },
  };
}
