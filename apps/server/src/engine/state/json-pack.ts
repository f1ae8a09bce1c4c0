// A lossless and much smaller form of plain JSON data, for stored cluster states. A cluster's
// objects repeat themselves: every pod has the same tolerations, volume sources and condition
// shapes, the same timestamps and image names recur, and most objects share a few key lists.
// Packing hash-conses the data once (bottom-up, so the cost is linear in its size) and stores
//   - each subtree, string or long number used more than once in a table, referred to as [-(i+1)];
//   - each key list used by more than one object once, objects then being [shape, ...values];
//   - everything else as it is: a lone object stays a JSON object, an array stays an array (with
//     a leading null when its first element could be mistaken for a shape or a reference).
// `unpack(pack(x))` equals `JSON.parse(JSON.stringify(x))` for any plain data (property-tested;
// plain: arrays and objects of own enumerable properties, no toJSON, as the engine's state is),
// and builds fresh objects: nothing in the result is shared, so it may be mutated freely.

/** Packed JSON: what `pack` produces and `unpack` reads. */
export type Packed = null | boolean | number | string | Packed[] | { [key: string]: Packed };

export interface PackedDocument {
  /** key lists shared by objects packed as [shape index, ...values] */
  shapes: string[][];
  /** values used more than once; [-(i+1)] stands for entry i */
  table: Packed[];
  root: Packed;
}

/** A subtree smaller than this (approximate JSON characters) is repeated rather than referred to. */
const MIN_SUBTREE = 16;
/** Approximate characters of a reference such as [-123]. */
const REF_COST = 5;

interface NodeInfo {
  /** occurrences in the data */
  count: number;
  /** occurrences in the packed form (inside a node stored once, counted once) */
  uses: number;
  /** approximate JSON size */
  size: number;
  /** shape id (objects), -1 for arrays */
  shape: number;
  /** table index when stored in the table */
  slot: number;
  /** its children's codes (see `intern`) */
  codes: number[];
  /** the next node with the same hash, -1 when none */
  sameHash: number;
}

interface ShapeTrie {
  next: Map<string, ShapeTrie>;
  /** shape id of the key list ending here, -1 when none yet */
  id: number;
}

/** a equals b[from..to) */
function sameCodes(a: number[], b: number[], from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

function worthSharing(uses: number, size: number): boolean {
  return uses >= 2 && uses * size > size + 1 + uses * REF_COST;
}

/** Whether JSON.stringify keeps a property with this value (it drops these). */
function dropped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

class Packer {
  /** distinct subtrees; passes 2 and 3 walk these (by code), never the data again */
  private readonly nodes: NodeInfo[] = [];
  /** by hash of (shape, child codes): the latest node with it (the others chain on `sameHash`) */
  private readonly byHash = new Map<number, number>();
  private readonly stack: number[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly stringUses: number[] = [];
  private readonly stringSlot: number[] = [];
  private readonly numberIds = new Map<number, number>();
  private readonly numbers: number[] = [];
  private readonly numberUses: number[] = [];
  private readonly numberSlot: number[] = [];
  /** key lists as a trie: shape ids without building a string per object */
  private readonly shapeRoot: ShapeTrie = { next: new Map(), id: -1 };
  private readonly shapeKeys: string[][] = [];
  private readonly shapeUses: number[] = [];
  /** packed index of a shape used more than once, else -1 */
  private shapeIndex: number[] = [];
  private readonly table: (Packed | undefined)[] = [];
  /** approximate JSON size of what `intern` last saw */
  private lastSize = 0;

  pack(value: unknown): PackedDocument {
    const root = this.intern(value);
    this.count(root);
    this.assign();
    const packed = this.emit(root);
    for (let i = 0; i < this.table.length; i++) if (this.table[i] === undefined) throw new Error(`json-pack: table entry ${i} was never written`);
    const shapes: string[][] = [];
    this.shapeIndex.forEach((i, s) => {
      if (i >= 0) shapes[i] = this.shapeKeys[s];
    });
    return { shapes, table: this.table as Packed[], root: packed };
  }

  /**
   * Pass 1: gives every distinct subtree an id (hash-consing on the codes of its children, so the
   * cost is linear); returns the value's code and leaves its approximate JSON size in `lastSize`.
   * A code is index * 4 + kind: kind 0 null/true/false (index 0/1/2), 1 a string, 2 a number,
   * 3 a subtree.
   */
  private intern(v: unknown): number {
    if (v === null) {
      this.lastSize = 4;
      return 0;
    }
    switch (typeof v) {
      case 'boolean':
        this.lastSize = v ? 4 : 5;
        return v ? 4 : 8;
      case 'number': {
        if (!Number.isFinite(v)) {
          this.lastSize = 4;
          return 0;
        }
        let id = this.numberIds.get(v);
        if (id === undefined) {
          id = this.numbers.length;
          this.numberIds.set(v, id);
          this.numbers.push(v);
          this.numberUses.push(0);
        }
        this.lastSize = v < 1e5 && v > -1e4 && Number.isInteger(v) ? 3 : 13;
        return id * 4 + 2;
      }
      case 'string': {
        let id = this.stringIds.get(v);
        if (id === undefined) {
          id = this.strings.length;
          this.stringIds.set(v, id);
          this.strings.push(v);
          this.stringUses.push(0);
        }
        this.lastSize = v.length + 2;
        return id * 4 + 1;
      }
      case 'object':
        break;
      default:
        this.lastSize = 4;
        return 0; // undefined, functions and symbols inside arrays become null
    }
    // children's codes go on a shared stack: an array is made only for a subtree not seen before
    const stack = this.stack;
    const from = stack.length;
    let size = 2;
    let shape = -1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c = this.intern(v[i]);
        stack.push(c);
        size += this.lastSize + 1;
      }
    } else {
      const o = v as Record<string, unknown>;
      let trie = this.shapeRoot;
      for (const k in o) {
        const x = o[k];
        if (dropped(x)) continue;
        let next = trie.next.get(k);
        if (!next) trie.next.set(k, (next = { next: new Map(), id: -1 }));
        trie = next;
        const c = this.intern(x);
        stack.push(c);
        size += k.length + 4 + this.lastSize;
      }
      if (trie.id < 0) {
        trie.id = this.shapeKeys.length;
        const keys: string[] = [];
        for (const k in o) if (!dropped(o[k])) keys.push(k);
        this.shapeKeys.push(keys);
        this.shapeUses.push(0);
      }
      shape = trie.id;
    }
    const to = stack.length;
    let h = shape | 0;
    for (let i = from; i < to; i++) h = (Math.imul(h ^ stack[i], 0x01000193) + 0x9e3779b9) | 0;
    const first = this.byHash.get(h);
    let id = first ?? -1;
    while (id >= 0) {
      const n = this.nodes[id];
      if (n.shape === shape && sameCodes(n.codes, stack, from, to)) break;
      id = n.sameHash;
    }
    if (id < 0) {
      id = this.nodes.length;
      this.byHash.set(h, id);
      this.nodes.push({ count: 0, uses: 0, size, shape, slot: -1, codes: stack.slice(from, to), sameHash: first ?? -1 });
    }
    stack.length = from;
    const n = this.nodes[id];
    n.count++;
    this.lastSize = n.size;
    return id * 4 + 3;
  }

  private candidate(n: NodeInfo): boolean {
    return n.count >= 2 && n.size >= MIN_SUBTREE;
  }

  /** Pass 2: counts uses as the packed form will have them (a shared subtree's inside once). */
  private count(code: number): void {
    const index = code >>> 2;
    switch (code & 3) {
      case 1:
        this.stringUses[index]++;
        return;
      case 2:
        this.numberUses[index]++;
        return;
      case 3: {
        const n = this.nodes[index];
        if (this.candidate(n) && ++n.uses > 1) return;
        if (n.shape >= 0) this.shapeUses[n.shape]++;
        for (const c of n.codes) this.count(c);
      }
    }
  }

  /** Decides what goes in the table and which shapes are shared; frequent ones get short indexes. */
  private assign(): void {
    const entries: { uses: number; set: (slot: number) => void; value?: Packed }[] = [];
    for (const n of this.nodes) {
      if (this.candidate(n) && worthSharing(n.uses, n.size)) entries.push({ uses: n.uses, set: (slot) => (n.slot = slot) });
    }
    this.strings.forEach((s, id) => {
      const uses = this.stringUses[id];
      this.stringSlot[id] = -1;
      if (worthSharing(uses, s.length + 2)) entries.push({ uses, set: (slot) => (this.stringSlot[id] = slot), value: s });
    });
    this.numbers.forEach((num, id) => {
      const uses = this.numberUses[id];
      this.numberSlot[id] = -1;
      if (longNumber(num) && worthSharing(uses, String(num).length)) entries.push({ uses, set: (slot) => (this.numberSlot[id] = slot), value: num });
    });
    entries.sort((a, b) => b.uses - a.uses);
    entries.forEach((e, slot) => {
      e.set(slot);
      this.table.push(e.value);
    });
    const shared = this.shapeUses.map((uses, s) => ({ uses, s })).filter((x) => x.uses >= 2);
    shared.sort((a, b) => b.uses - a.uses);
    this.shapeIndex = this.shapeUses.map(() => -1);
    shared.forEach((x, i) => (this.shapeIndex[x.s] = i));
  }

  /** Pass 3: writes the packed form. */
  private emit(code: number): Packed {
    const index = code >>> 2;
    switch (code & 3) {
      case 0:
        return index === 0 ? null : index === 1;
      case 1: {
        const slot = this.stringSlot[index];
        return slot < 0 ? this.strings[index] : [-(slot + 1)];
      }
      case 2: {
        const slot = this.numberSlot[index];
        return slot < 0 ? this.numbers[index] : [-(slot + 1)];
      }
    }
    const n = this.nodes[index];
    if (n.slot < 0) return this.emitNode(n);
    if (this.table[n.slot] === undefined) this.table[n.slot] = this.emitNode(n);
    return [-(n.slot + 1)];
  }

  private emitNode(n: NodeInfo): Packed {
    const codes = n.codes;
    if (n.shape < 0) {
      const out: Packed[] = new Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = this.emit(codes[i]);
      // a leading number or null would read as a shape or a reference: mark the array with a null
      if (out.length && (out[0] === null || typeof out[0] === 'number')) out.unshift(null);
      return out;
    }
    const index = this.shapeIndex[n.shape];
    if (index >= 0) {
      const out: Packed[] = new Array(codes.length + 1);
      out[0] = index;
      for (let i = 0; i < codes.length; i++) out[i + 1] = this.emit(codes[i]);
      return out;
    }
    const keys = this.shapeKeys[n.shape];
    const out: { [key: string]: Packed } = {};
    for (let i = 0; i < codes.length; i++) setOwn(out, keys[i], this.emit(codes[i]));
    return out;
  }
}

/** Numbers whose reference would be shorter than themselves (timestamps in ms, mostly). */
function longNumber(v: number): boolean {
  return v >= 1e5 || v <= -1e4 || !Number.isInteger(v);
}

/** obj[key] = value, also for the key `__proto__` (an own property, as JSON.parse makes it). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function pack(value: unknown): PackedDocument {
  return new Packer().pack(value);
}

/** The data `pack` was given (as JSON would carry it). Throws on a document that is not well formed. */
export function unpack(doc: PackedDocument): unknown {
  const { shapes, table } = doc;
  if (!Array.isArray(shapes) || !Array.isArray(table)) throw new Error('packed state: shapes and table must be arrays');
  const decode = (p: Packed): unknown => {
    if (p === null || typeof p !== 'object') return p;
    if (!Array.isArray(p)) {
      const out: Record<string, unknown> = {};
      for (const k in p) setOwn(out, k, decode(p[k]));
      return out;
    }
    const len = p.length;
    if (len === 0) return [];
    const head = p[0];
    if (typeof head === 'number') {
      if (head < 0) {
        const entry = table[-head - 1];
        if (entry === undefined || len !== 1) throw new Error(`packed state: bad reference ${head}`);
        return decode(entry);
      }
      const keys = shapes[head];
      if (!keys || keys.length !== len - 1) throw new Error(`packed state: bad shape ${head}`);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) setOwn(out, keys[i], decode(p[i + 1]));
      return out;
    }
    const from = head === null ? 1 : 0;
    const out = new Array(len - from);
    for (let i = from; i < len; i++) out[i - from] = decode(p[i]);
    return out;
  };
  return decode(doc.root);
}
