// The closed-form catch-up must leave resourceVersions exactly where the writes it skipped would
// have left them. The store has no public way to skip revisions yet (etcd's revisions do have
// gaps, so this is harmless); until it has one, bump its counter directly.
// TODO(lead): replace with an ObjectStore.skipVersions(n) method.

import type { ObjectStore } from '../../api/store';

export function skipResourceVersions(store: ObjectStore, n: number): void {
  if (n <= 0) return;
  const s = store as unknown as { rv: number };
  s.rv += n;
}
