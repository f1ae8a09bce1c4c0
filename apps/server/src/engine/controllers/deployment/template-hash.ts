// pod-template-hash (and a DaemonSet's controller-revision-hash) as controller.ComputeHash makes
// it: FNV-32a over hashutil.DeepHashObject's text of the template, which is go-spew's `%#v` of the
// Go v1.PodTemplateSpec (go-spew.ts), then the collision count as 8 little-endian bytes, the sum
// printed in decimal and mapped through the name alphabet (rand.SafeEncodeString), so only
// `4-9 b c d f` appear. The same template gives the hash a real cluster gives it: kubeadm's
// CoreDNS Deployment hashes to 668d6bf9bc, as on every kubeadm v1.32 cluster.

import { PodTemplateSpec } from '../../api/types';
import { NAME_ALPHABET } from '../../random';
import { spewPodTemplate } from './go-spew';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv32aString(0x811c9dc5, spewPodTemplate(template ?? {}));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = [0, 0, 0, 0, 0, 0, 0, 0];
    const c = collisionCount >>> 0;
    for (let i = 0; i < 4; i++) bytes[i] = (c >>> (8 * i)) & 0xff;
    h = fnv32a(h, bytes);
  }
  return safeEncodeString(String(h >>> 0));
}

/** FNV-1a, 32 bits, continuing from `hash` */
export function fnv32a(hash: number, bytes: ArrayLike<number>): number {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

/** FNV-1a over the UTF-8 bytes of `s`, without building the byte array. */
export function fnv32aString(hash: number, s: string): number {
  let h = hash >>> 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const bytes =
      c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    h = fnv32a(h, bytes);
  }
  return h >>> 0;
}

/** apimachinery rand.SafeEncodeString */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += NAME_ALPHABET[ch.codePointAt(0)! % NAME_ALPHABET.length];
  return out;
}

/**
 * A memo of values derived from an object's spec, keyed by uid and generation (the spec only
 * changes with the generation). In memory only, and bounded.
 */
export class GenerationMemo<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly limit = 512) {}

  get(obj: { metadata: { uid?: string; generation?: number } }, extra: string, compute: () => T): T {
    const key = `${obj.metadata.uid}/${obj.metadata.generation}/${extra}`;
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const v = compute();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, v);
    return v;
  }
}

/**
 * Templates equal once the pod-template-hash label is ignored (deploymentutil.EqualIgnoreHash,
 * Semantic.DeepEqual of the Go values: a nil and an empty list are the same, unknown fields
 * do not count).
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return templateIdentity(a) === templateIdentity(b);
}

/** The text two templates share when they are equal ignoring the hash label: spew's, as hashed. */
export function templateIdentity(t: PodTemplateSpec | undefined): string {
  return spewPodTemplate(withoutHash(t));
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return {};
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  const metadata: Record<string, unknown> = { ...(t.metadata ?? {}) };
  if (Object.keys(labels).length) metadata.labels = labels;
  else delete metadata.labels;
  return { ...t, metadata };
}
