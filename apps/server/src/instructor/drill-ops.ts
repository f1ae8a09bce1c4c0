// The fault drills an instructor can stage, each mapped to the engine's fault operations, with
// the operation that ends it (none for a one-off: a killed container, a deleted instance).
// A drill's Input is not replayed: the runner stores the cluster's state with it (input log).
import { z } from 'zod';
import type { Cluster } from '../engine/cluster';
import { deleteInstance, fillVolume, freeVolume, killContainer, makeImageAvailable, makeImageUnavailable, slowPulls } from '../engine/operations/faults';
import { powerOff, powerOn, startKubelet, stopKubelet } from '../engine/operations/node-operations';

const node = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, 'a node name such as node1');
const name = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,252}$/, 'a Kubernetes object name');

export const drillSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop-kubelet'), node }).strict(),
  z.object({ kind: z.literal('power-off'), node }).strict(),
  z.object({ kind: z.literal('kill-container'), namespace: name.default('default'), pod: name, container: name.optional() }).strict(),
  z.object({ kind: z.literal('image-unavailable'), image: z.string().min(1).max(255).regex(/^[\w./:@-]+$/, 'an image reference such as nginx:1.25') }).strict(),
  z.object({ kind: z.literal('slow-pulls'), node, delaySeconds: z.number().int().min(1).max(3600) }).strict(),
  z.object({ kind: z.literal('delete-instance'), node }).strict(),
  // fills the pod's volume to its capacity (writes then answer "No space left on device"); ending frees it
  z.object({ kind: z.literal('fill-volume'), namespace: name.default('default'), pod: name, volume: name }).strict(),
]);
export type DrillSpec = z.infer<typeof drillSpecSchema>;

/** Whether the drill lasts until it is ended (the others are done the moment they are applied). */
export function drillLasts(spec: DrillSpec): boolean {
  return spec.kind === 'stop-kubelet' || spec.kind === 'power-off' || spec.kind === 'image-unavailable' || spec.kind === 'slow-pulls' || spec.kind === 'fill-volume';
}

/** Applies (`start`) or undoes (`end`) the drill on the cluster at `now`. Throws when it cannot apply. */
export function applyDrill(cluster: Cluster, spec: DrillSpec, phase: 'start' | 'end', now: number): void {
  cluster.at(now, () => {
    switch (spec.kind) {
      case 'stop-kubelet':
        return phase === 'start' ? stopKubelet(cluster, spec.node) : startKubelet(cluster, spec.node);
      case 'power-off':
        return phase === 'start' ? powerOff(cluster, spec.node) : powerOn(cluster, spec.node);
      case 'kill-container':
        if (phase === 'start') killContainer(cluster, spec.namespace, spec.pod, spec.container);
        return;
      case 'image-unavailable':
        return phase === 'start' ? makeImageUnavailable(cluster, spec.image) : makeImageAvailable(cluster, spec.image);
      case 'slow-pulls':
        return slowPulls(cluster, spec.node, phase === 'start' ? spec.delaySeconds * 1000 : 0);
      case 'delete-instance':
        if (phase === 'start') deleteInstance(cluster, spec.node);
        return;
      case 'fill-volume':
        return phase === 'start' ? fillVolume(cluster, spec.namespace, spec.pod, spec.volume) : freeVolume(cluster, spec.namespace, spec.pod, spec.volume);
    }
  });
}
