// --append-hash: kubectl's hash.ConfigMapHash and hash.SecretHash. The SHA-256 of the object's
// kind, name and data as json.Marshal writes them (keys sorted), whose first ten hex digits are
// made safe for names by swapping 0 1 3 a e for g h k m t (no vowels, no words by accident).

import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { KubeObject } from '../api/types';
import { toCompactJson } from './printers/json';

const SWAP: Record<string, string> = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };

function encoded(obj: KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean; type?: string }): string {
  // the generators always make the data map, empty or not
  const m: Record<string, unknown> = { kind: obj.kind, name: obj.metadata.name, data: obj.data ?? {} };
  if (obj.kind === 'Secret') m.type = obj.type ?? '';
  if (obj.immutable !== undefined) m.immutable = obj.immutable;
  if (obj.kind === 'ConfigMap' && obj.binaryData && Object.keys(obj.binaryData).length) m.binaryData = obj.binaryData;
  return toCompactJson(m);
}

/** the ten characters --append-hash adds to a ConfigMap's or Secret's name */
export function nameHash(obj: KubeObject): string {
  const hex = bytesToHex(sha256(new TextEncoder().encode(encoded(obj))));
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}
