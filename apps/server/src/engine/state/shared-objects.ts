// Equal parts of API objects shared between every cluster of the process. Loaded clusters are
// mostly the same objects (the same system pods, roles, defaulted specs, volumes, tolerations):
// hash-consed against one table, a loaded cluster keeps only what is its own. Sharing is safe
// because stored objects are never changed (a write replaces them, see api/store.ts); what is
// shared is frozen, so a change in place throws instead of reaching another student's cluster.

/** subtrees remembered (least recently met forgotten first); enough for many kinds of cluster */
const MAX_ENTRIES = 50_000;

type Node = Record<string, unknown> | unknown[];

/** subtrees whose hashes collide */
class Bucket {
  constructor(readonly nodes: Node[]) {}
}

/** hash → the remembered subtree(s) with it, most recently met last in the map's order */
const table = new Map<number, Node | Bucket>();

/** `value` (plain JSON data, the caller's own) with its parts replaced by equal remembered ones. */
export function shareParts<T>(value: T): T {
  return share(value).value as T;
}

function share(v: unknown): { value: unknown; hash: number } {
  if (v === null || typeof v !== 'object') return { value: v, hash: hashPrimitive(v) };
  let h = Array.isArray(v) ? 0x9e3779b9 : 0x85ebca6b;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c = share(v[i]);
      if (v[i] !== c.value) v[i] = c.value; // data already shared is frozen: left as it is
      h = mix(h, c.hash);
    }
  } else {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const c = share(o[k]);
      if (o[k] !== c.value) {
        // `__proto__` as JSON.parse makes it: an own property
        if (k === '__proto__') Object.defineProperty(o, k, { value: c.value, enumerable: true, writable: true, configurable: true });
        else o[k] = c.value;
      }
      h = mix(mix(h, hashString(k)), c.hash);
    }
  }
  const node = v as Node;
  const found = lookup(h, node);
  if (found) return { value: found, hash: h };
  Object.freeze(node);
  remember(h, node);
  return { value: node, hash: h };
}

function lookup(h: number, node: Node): Node | undefined {
  const at = table.get(h);
  if (at === undefined) return undefined;
  const list = at instanceof Bucket ? at.nodes : [at];
  const found = list.find((c) => sameNode(c, node));
  if (found) {
    // met again: moves to the end, last to be forgotten
    table.delete(h);
    table.set(h, at);
  }
  return found;
}

function remember(h: number, node: Node): void {
  const at = table.get(h);
  if (at === undefined) {
    table.set(h, node);
    if (table.size > MAX_ENTRIES) table.delete(table.keys().next().value!);
  } else if (at instanceof Bucket) at.nodes.push(node);
  else table.set(h, new Bucket([at, node]));
}

/** same keys in the same order (so that it serializes alike), same values; parts already shared */
function sameNode(a: Node, b: Node): boolean {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], bb[i])) return false;
    return true;
  }
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) {
    if (ak[i] !== bk[i] || !Object.is((a as Record<string, unknown>)[ak[i]], (b as Record<string, unknown>)[bk[i]])) return false;
  }
  return true;
}

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) ^ (h >>> 15);
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function hashPrimitive(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return hashString(v) ^ 0x1b873593;
    case 'number':
      return hashString(String(v)) ^ 0xcc9e2d51;
    case 'boolean':
      return v ? 0x27d4eb2f : 0x165667b1;
    default:
      return 0x2545f491; // null
  }
}

/** how many subtrees are remembered (tests) */
export function sharedCount(): number {
  return table.size;
}
