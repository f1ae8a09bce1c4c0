import { createCluster } from '../../cluster';
import { applyDefaults } from '../defaults';
import { typeErrors, unknownFields } from '../schema';
import { validateObject } from './index';

// Every object a fresh kubeadm cluster holds must decode strictly and validate after
// defaulting, as it would on a real API server.
describe('a fresh kubeadm cluster', () => {
  const cluster = createCluster({ seed: 1, start: Date.parse('2026-01-01T00:00:00Z') });
  const objects = cluster.store.resources().flatMap((r) => cluster.store.list(r));

  it.each(objects.map((o) => [`${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`, o] as const))('%s', (_name, o) => {
    const copy = JSON.parse(JSON.stringify(o));
    expect(unknownFields(copy)).toEqual([]);
    expect(typeErrors(copy)).toEqual([]);
    applyDefaults(copy);
    expect(validateObject(copy).map((e) => `${e.field}: ${e.detail}`)).toEqual([]);
  });
});
