// The CheckContext a grade is evaluated in: the objects of a cluster's state as graded, and the
// inputs and transitions recorded up to the time the state is from (nothing later counts).
// The history comes from the database through grading/history-reader.ts.
import type { KubeObject } from '../engine/api/types';
import type { CheckContext, InputRecord, TransitionRecord } from './checks/types';

/** Every object of a state, by resource (references to the store's immutable objects). */
export type ObjectsByResource = Map<string, KubeObject[]>;

export function objectsOf(store: { resources(): string[]; list(resource: string): KubeObject[] }): ObjectsByResource {
  const out: ObjectsByResource = new Map();
  for (const r of store.resources()) if (r !== 'events') out.set(r, store.list(r));
  return out;
}

/** The objects of a state as a CheckContext lists them (of a resource, in a namespace or all). */
export function listObjects(objects: ObjectsByResource): CheckContext['objects'] {
  return (resource, namespace) => {
    const all = objects.get(resource) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  };
}

export function gradeContext(objects: ObjectsByResource, inputs: InputRecord[], transitions: TransitionRecord[], now: number): CheckContext {
  return {
    objects: listObjects(objects),
    inputs: inputs.filter((i) => i.at <= now),
    transitions: transitions.filter((t) => t.at <= now),
    now,
  };
}
