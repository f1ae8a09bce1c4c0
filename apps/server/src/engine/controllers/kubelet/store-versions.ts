// The closed-form catch-up must leave resourceVersions exactly where the writes it skipped would
// have left them (etcd's revisions do have gaps, so this is harmless).

import type { ObjectStore } from '../../api/store';

export function skipResourceVersions(store: ObjectStore, n: number): void {
  store.skipVersions(n);
}
