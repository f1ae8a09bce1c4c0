// Patches as the API server applies them: JSON merge patch (RFC 7386), JSON patch (RFC 6902)
// and strategic merge patch (lists of containers, ports, env, volumes... merged by their key),
// plus the three-way patch client-side `kubectl apply` computes.

import { ApiError } from './errors';
import { clone } from './store';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** Lists merged by a key in strategic merge patches (patchMergeKey in the API types). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  tolerations: '', // replaced (no merge key in the API)
  conditions: 'type',
  ownerReferences: 'uid',
  finalizers: '', // a set of primitives, merged
};

/** Service ports merge by `port` (a different key than container ports). */
function mergeKeyFor(field: string, path: string[]): string | undefined {
  if (field === 'ports' && !path.includes('containers') && !path.includes('initContainers')) return 'port';
  const k = MERGE_KEYS[field];
  return k === '' ? undefined : k;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

export function strategicMergePatch(target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // directives ($patch, $retainKeys, $setElementOrder) are honoured below where needed
    if (v === null) {
      delete out[k];
      continue;
    }
    const key = mergeKeyFor(k, path);
    if (Array.isArray(v) && key && Array.isArray(out[k])) {
      out[k] = mergeList(out[k] as Json[], v, key, [...path, k]);
    } else if (Array.isArray(v) && k === 'finalizers' && Array.isArray(out[k])) {
      out[k] = [...new Set([...(out[k] as Json[]), ...v])] as Json[];
    } else if (isObject(v) && v.$patch === 'replace') {
      const { $patch: _p, ...rest } = v;
      void _p;
      out[k] = clone(rest);
    } else if (isObject(v) && v.$patch === 'delete') {
      delete out[k];
    } else {
      out[k] = strategicMergePatch(out[k], v, [...path, k]) as Json;
    }
  }
  return out;
}

function mergeList(current: Json[], patch: Json[], key: string, path: string[]): Json[] {
  const out = current.map((x) => clone(x));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const id = item[key];
    const idx = out.findIndex((x) => isObject(x) && x[key] === id);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item, path) as Json;
    else out.push(clone(item));
  }
  return out;
}

/** RFC 6902; errors as the API server words them. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw ApiError.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target) as Json;
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw ApiError.badRequest(`Unexpected kind: ${isObject(op) ? op.op : 'unknown'}`);
    }
    const parts = op.path === '' ? [] : op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    switch (op.op) {
      case 'add':
      case 'replace':
        doc = setPath(doc, parts, clone(op.value as Json), op.op);
        break;
      case 'remove':
        doc = removePath(doc, parts);
        break;
      case 'test':
        if (JSON.stringify(getPath(doc, parts)) !== JSON.stringify(op.value)) throw new ApiError('Invalid', `the server rejected our request due to an error in our request`);
        break;
      case 'copy':
      case 'move': {
        const from = String(op.from ?? '').split('/').slice(1);
        const v = getPath(doc, from);
        if (op.op === 'move') doc = removePath(doc, from);
        doc = setPath(doc, parts, clone(v as Json), 'add');
        break;
      }
      default:
        throw ApiError.badRequest(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

function getPath(doc: Json, parts: string[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function setPath(doc: Json, parts: string[], value: Json, op: 'add' | 'replace'): Json {
  if (parts.length === 0) return value;
  const parent = getPath(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length)) throw new ApiError('Invalid', `add operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`);
    if (op === 'add') parent.splice(i, 0, value);
    else parent[i] = value;
  } else if (isObject(parent)) {
    if (op === 'replace' && !(last in parent)) throw new ApiError('Invalid', `replace operation does not apply: doc is missing key: /${parts.join('/')}: missing value`);
    parent[last] = value;
  } else {
    throw new ApiError('Invalid', `${op} operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`);
  }
  return doc;
}

function removePath(doc: Json, parts: string[]): Json {
  const parent = getPath(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent) && Number(last) < parent.length) parent.splice(Number(last), 1);
  else if (isObject(parent) && last in parent) delete parent[last];
  else throw new ApiError('Invalid', `remove operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`);
  return doc;
}

/**
 * The patch `kubectl apply` sends: what changed from the last applied configuration to the new
 * one (set or null for removed fields), restricted to what differs from the live object.
 */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown, path: string[] = []): JsonObject {
  const patch: JsonObject = {};
  const o = isObject(original) ? original : {};
  const m = isObject(modified) ? modified : {};
  const c = isObject(current) ? current : {};
  for (const k of Object.keys(o)) if (!(k in m) && k in c) patch[k] = null;
  for (const [k, mv] of Object.entries(m)) {
    const cv = c[k];
    if (isObject(mv) && isObject(cv)) {
      const sub = threeWayPatch(o[k], mv, cv, [...path, k]);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(mv) && Array.isArray(cv) && mergeKeyFor(k, path)) {
      const key = mergeKeyFor(k, path)!;
      const items: Json[] = [];
      const ov = Array.isArray(o[k]) ? (o[k] as Json[]) : [];
      for (const oi of ov) {
        if (isObject(oi) && !mv.some((x) => isObject(x) && x[key] === oi[key]) && cv.some((x) => isObject(x) && x[key] === oi[key])) {
          items.push({ [key]: oi[key], $patch: 'delete' });
        }
      }
      for (const mi of mv) {
        if (!isObject(mi)) continue;
        const ci = cv.find((x) => isObject(x) && x[key] === mi[key]);
        const oi = ov.find((x) => isObject(x) && x[key] === mi[key]);
        if (!ci) items.push(clone(mi));
        else {
          const sub = threeWayPatch(oi, mi, ci, [...path, k]);
          if (Object.keys(sub).length) items.push({ [key]: mi[key], ...sub });
        }
      }
      if (items.length) patch[k] = items;
    } else if (JSON.stringify(mv) !== JSON.stringify(cv)) {
      patch[k] = clone(mv as Json);
    }
  }
  return patch;
}
