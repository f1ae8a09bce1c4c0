// Generates apps/server/src/engine/api/schema/fields.json: for every type reachable from the
// kinds the simulated API server serves, its fields, their explain-style types, whether they
// are required, their enum values and their descriptions.
//
// Sources (npm packages, unpacked with `npm pack` into one directory, never installed):
//   @kubernetes/client-node@1.1.2        generated from the Kubernetes v1.32.0 OpenAPI spec: the
//                                        field set, integer formats and required fields
//   kubernetes-models@4.5.1              (v1.33 OpenAPI) descriptions of $ref fields, which the
//   @kubernetes-models/apimachinery@2.2.0  client generator drops, enum values, Quantity refs
//   kubernetes-types@1.30.0              Quantity's description (the others do not carry it)
//
// Usage:
//   mkdir -p /tmp/kpkg && cd /tmp/kpkg && npm pack @kubernetes/client-node@1.1.2 \
//     kubernetes-models@4.5.1 @kubernetes-models/apimachinery@2.2.0 kubernetes-types@1.30.0
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   node -r @swc-node/register tools/generate-schema.ts /tmp/kpkg

import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.argv[2] ?? '/tmp/kpkg';
const CN = path.join(root, 'kubernetes-client-node-1.1.2/package/dist/gen/models');
const KM = path.join(root, 'kubernetes-models-4.5.1/package');
const AM = path.join(root, 'kubernetes-models-apimachinery-2.2.0/package');
const KT = path.join(root, 'kubernetes-types-1.30.0/package');
const OUT = path.join(__dirname, '../apps/server/src/engine/api/schema/fields.json');

/** [apiVersion/kind, client-node class, kubernetes-models file] */
const KINDS: [string, string, string][] = [
  ['v1/Pod', 'V1Pod', 'v1/Pod'],
  ['v1/Namespace', 'V1Namespace', 'v1/Namespace'],
  ['v1/Node', 'V1Node', 'v1/Node'],
  ['v1/Service', 'V1Service', 'v1/Service'],
  ['v1/Endpoints', 'V1Endpoints', 'v1/Endpoints'],
  ['v1/ServiceAccount', 'V1ServiceAccount', 'v1/ServiceAccount'],
  ['v1/ConfigMap', 'V1ConfigMap', 'v1/ConfigMap'],
  ['v1/Secret', 'V1Secret', 'v1/Secret'],
  ['v1/PersistentVolume', 'V1PersistentVolume', 'v1/PersistentVolume'],
  ['v1/PersistentVolumeClaim', 'V1PersistentVolumeClaim', 'v1/PersistentVolumeClaim'],
  ['v1/Event', 'CoreV1Event', 'v1/Event'],
  ['v1/ComponentStatus', 'V1ComponentStatus', 'v1/ComponentStatus'],
  ['apps/v1/Deployment', 'V1Deployment', 'apps/v1/Deployment'],
  ['apps/v1/ReplicaSet', 'V1ReplicaSet', 'apps/v1/ReplicaSet'],
  ['apps/v1/DaemonSet', 'V1DaemonSet', 'apps/v1/DaemonSet'],
  ['coordination.k8s.io/v1/Lease', 'V1Lease', 'coordination.k8s.io/v1/Lease'],
  ['discovery.k8s.io/v1/EndpointSlice', 'V1EndpointSlice', 'discovery.k8s.io/v1/EndpointSlice'],
  ['storage.k8s.io/v1/StorageClass', 'V1StorageClass', 'storage.k8s.io/v1/StorageClass'],
  ['rbac.authorization.k8s.io/v1/ClusterRole', 'V1ClusterRole', 'rbac.authorization.k8s.io/v1/ClusterRole'],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', 'V1ClusterRoleBinding', 'rbac.authorization.k8s.io/v1/ClusterRoleBinding'],
  ['rbac.authorization.k8s.io/v1/Role', 'V1Role', 'rbac.authorization.k8s.io/v1/Role'],
  ['rbac.authorization.k8s.io/v1/RoleBinding', 'V1RoleBinding', 'rbac.authorization.k8s.io/v1/RoleBinding'],
];

// ---- kubernetes-models d.ts -----------------------------------------------------------------

interface KmProp { desc: string; type: string }
interface KmType { desc: string; props: Map<string, KmProp>; imports: Map<string, string>; file: string }

const kmCache = new Map<string, KmType | undefined>();

function kmFile(ref: string): string {
  if (ref.startsWith('@kubernetes-models/apimachinery/')) return path.join(AM, ref.slice('@kubernetes-models/apimachinery/'.length));
  return path.join(KM, ref);
}

function jsdoc(text: string): string {
  return text
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    // jsdoc tags (`@deprecated`) are the generator's, not part of the OpenAPI description
    .replace(/\n@[a-z]+$/gm, '')
    // the descriptions are v1.33's: Endpoints were deprecated after v1.32
    .replace(/ Deprecated: This API is deprecated in v1\.33\+\./g, '')
    .trim()
    // the generators escape these inside comments
    .replace(/\\([*\\'"/])/g, '$1');
}

function readKm(file: string): KmType | undefined {
  if (kmCache.has(file)) return kmCache.get(file);
  const p = `${file}.d.ts`;
  if (!fs.existsSync(p)) {
    kmCache.set(file, undefined);
    return undefined;
  }
  const src = fs.readFileSync(p, 'utf8');
  const imports = new Map<string, string>();
  for (const m of src.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    imports.set(m[1], m[2].startsWith('.') ? path.join(path.dirname(file), m[2]) : kmFile(m[2]));
  }
  const head = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:interface|declare type) \w+[^{=]*([{=])/.exec(src);
  const t: KmType = { desc: head?.[1] ? jsdoc(head[1]) : '', props: new Map(), imports, file };
  if (head && head[2] === '{') {
    let i = head.index + head[0].length;
    let depth = 1;
    let pendingDoc = '';
    while (i < src.length && depth > 0) {
      if (src.startsWith('/**', i)) {
        const end = src.indexOf('*/', i);
        if (depth === 1) pendingDoc = jsdoc(src.slice(i, end + 2));
        i = end + 2;
        continue;
      }
      const ch = src[i];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (depth === 1 && ch === '"') {
        const m = /^"([^"]+)"\??:\s*/.exec(src.slice(i));
        if (m) {
          // the type runs to the `;` at this depth
          let j = i + m[0].length;
          let d = 0;
          while (j < src.length && !(d === 0 && src[j] === ';')) {
            if (src[j] === '{' || src[j] === '<' || src[j] === '(') d++;
            if (src[j] === '}' || src[j] === '>' || src[j] === ')') d--;
            j++;
          }
          t.props.set(m[1], { desc: pendingDoc, type: src.slice(i + m[0].length, j).replace(/\s+/g, ' ').trim() });
          pendingDoc = '';
          i = j + 1;
          continue;
        }
      }
      i++;
    }
  }
  kmCache.set(file, t);
  return t;
}

function kmRefOf(km: KmType | undefined, typeText: string): string | undefined {
  if (!km) return undefined;
  const id = /\b(I[A-Z]\w+)\b/.exec(typeText)?.[1];
  return id ? km.imports.get(id) : undefined;
}

// ---- client-node ----------------------------------------------------------------------------

interface CnAttr { name: string; baseName: string; type: string; format: string }
interface CnType { desc: string; attrs: CnAttr[]; docs: Map<string, string>; required: Set<string> }

function readCn(cls: string): CnType {
  const js = fs.readFileSync(path.join(CN, `${cls}.js`), 'utf8');
  const m = new RegExp(`${cls}\\.attributeTypeMap = (\\[[\\s\\S]*?\\n\\]);`).exec(js);
  const attrs: CnAttr[] = m ? JSON.parse(m[1]) : [];
  const dts = fs.readFileSync(path.join(CN, `${cls}.d.ts`), 'utf8');
  const classDoc = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export declare class/.exec(dts);
  const docs = new Map<string, string>();
  const required = new Set<string>();
  for (const pm of dts.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*'([^']+)'(\??):/g)) {
    if (pm[1]) docs.set(pm[2], jsdoc(pm[1]));
    if (!pm[3]) required.add(pm[2]);
  }
  return { desc: classDoc ? jsdoc(classDoc[1]) : '', attrs, docs, required };
}

// ---- the output -----------------------------------------------------------------------------

/**
 * t: the explain type; r: the object type it refers to; s: the scalar type it refers to (whose
 * description explain appends); g: the Go integer type; req, e (enum), d (description).
 */
interface OutField { t: string; r?: string; s?: string; g?: string; req?: true; e?: string[]; d?: string }
interface OutType { d: string; f: Record<string, OutField> }

const types: Record<string, OutType> = {};
const kmShort = (file: string): string => path.basename(file);
const idOf = (file: string): string => path.relative(KM, file).replace(/^\.\.\/.*?package\//, 'meta:');

function pickDesc(cn: string | undefined, km: string | undefined): string {
  if (!cn) return km ?? '';
  if (!km) return cn;
  // the v1.33 text adds enum notes; take it only where it still starts with the v1.32 text
  return km.startsWith(cn) ? km : cn;
}

function enumOf(typeText: string | undefined): string[] | undefined {
  if (!typeText || !/^"[^"]*"( \| "[^"]*")*$/.test(typeText)) return undefined;
  return [...typeText.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/** An explain type for a client-node type string plus what the kubernetes-models field says. */
type Typed = { t: string; r?: string; s?: string; g?: string };

function fieldType(cnType: string, format: string, kmType: string | undefined, km: KmType | undefined): Typed {
  const arr = /^Array<(.+)>$/.exec(cnType);
  if (arr) {
    const inner = fieldType(arr[1], format, kmType?.replace(/^Array<(.+)>$/, '$1'), km);
    return { ...inner, t: `[]${inner.t}` };
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(cnType);
  if (map) {
    const inner = fieldType(map[1], format, kmType?.replace(/^\{ \[key: string\]: (.+); \}$/, '$1'), km);
    return { ...inner, t: `map[string]${inner.t}` };
  }
  if (kmType?.includes('IIoK8sApimachineryPkgApiResourceQuantity')) return { t: 'Quantity', s: 'Quantity' };
  switch (cnType) {
    case 'string':
      return { t: 'string' };
    case 'Date':
      return { t: 'string', s: format === 'date-time-micro' ? 'MicroTime' : 'Time' };
    case 'V1MicroTime':
      return { t: 'string', s: 'MicroTime' };
    case 'boolean':
      return { t: 'boolean' };
    case 'number':
      return format === 'double' ? { t: 'number', g: 'float64' } : { t: 'integer', g: format || 'int64' };
    case 'IntOrString':
      return { t: 'IntOrString', s: 'IntOrString' };
    case 'any': {
      const ref = kmRefOf(km, kmType ?? '');
      return ref ? { t: kmShort(ref), s: kmShort(ref) } : { t: 'Object' };
    }
    default: {
      const ref = kmRefOf(km, kmType ?? '');
      if (!ref) throw new Error(`no kubernetes-models type for ${cnType} (${kmType})`);
      visit(cnType, ref);
      return { t: kmShort(ref), r: idOf(ref) };
    }
  }
}

function visit(cls: string, kmPath: string): string {
  const id = idOf(kmPath);
  if (types[id]) return id;
  const cn = readCn(cls);
  const km = readKm(kmPath);
  const out: OutType = { d: pickDesc(cn.desc, km?.desc), f: {} };
  types[id] = out;
  for (const a of cn.attrs) {
    const kp = km?.props.get(a.baseName);
    const { t, r, s, g } = fieldType(a.type, a.format, kp?.type, km);
    const f: OutField = { t };
    if (r) f.r = r;
    if (s) f.s = s;
    if (g) f.g = g;
    if (cn.required.has(a.name) || cn.required.has(a.baseName)) f.req = true;
    // kubernetes-models pins apiVersion and kind to literals; the OpenAPI has no enum there
    const e = a.baseName === 'apiVersion' || a.baseName === 'kind' ? undefined : enumOf(kp?.type);
    if (e) f.e = e;
    const d = pickDesc(cn.docs.get(a.name) ?? cn.docs.get(a.baseName), kp?.desc);
    if (d) f.d = d;
    out.f[a.baseName] = f;
  }
  return id;
}

const kinds: Record<string, string> = {};
for (const [key, cls, file] of KINDS) kinds[key] = visit(cls, path.join(KM, file));

/** the types explain resolves to a primitive or opaque schema, with their descriptions */
const scalars: Record<string, string> = {
  Quantity: /^\/\*\*[\s\S]*?\*\//.exec(fs.readFileSync(path.join(KT, 'api/resource.d.ts'), 'utf8'))![0],
  IntOrString: readKm(path.join(AM, 'util/intstr/IntOrString'))!.desc,
  Time: readKm(path.join(AM, 'apis/meta/v1/Time'))!.desc,
  MicroTime: readKm(path.join(AM, 'apis/meta/v1/MicroTime'))!.desc,
  FieldsV1: readKm(path.join(AM, 'apis/meta/v1/FieldsV1'))!.desc,
  RawExtension: readKm(path.join(AM, 'runtime/RawExtension'))!.desc,
};
scalars.Quantity = jsdoc(scalars.Quantity);

const sorted: Record<string, OutType> = {};
for (const k of Object.keys(types).sort()) sorted[k] = types[k];
// one key per line, so that a regeneration reads as a diff
const json = JSON.stringify(
  {
    source:
      '@kubernetes/client-node@1.1.2 (Kubernetes v1.32.0 OpenAPI) with descriptions and enums from kubernetes-models@4.5.1, @kubernetes-models/apimachinery@2.2.0 and kubernetes-types@1.30.0',
    kinds,
    scalars,
    types: sorted,
  },
  null,
  1,
);
fs.writeFileSync(OUT, `${json}\n`);
console.log(`${Object.keys(sorted).length} types, ${json.length} bytes -> ${OUT}`);
