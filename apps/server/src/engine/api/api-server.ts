// The API server's registry: what happens between a request and the store. Defaulting,
// admission (namespace lifecycle, service accounts, default tolerations, limits), validation,
// server-owned metadata, optimistic concurrency, the status subresource, generation, graceful
// deletion with finalizers and propagation policies. kubectl and the controllers both use it.

import { ApiError, FieldError } from './errors';
import { findComponentStatus, getComponentStatus, listComponentStatuses } from './component-statuses';
import { ObjectStore, clone } from './store';
import { ResourceInfo, qualifiedResource, resourceByName, resourceForKind } from './resources';
import { FieldRequirement, Selector, matches, matchesFields, parseFieldSelector, parseSelector } from './selectors';
import { KubeObject, Namespace, Pod } from './types';
import { ClusterLimits } from '../cluster-state';
import { Random } from '../random';
import { rfc3339 } from '../time';
import { ServiceAllocator } from './service-allocator';
import { isDNS1123Subdomain } from './validation/names';
import { jsonLengthBound } from './json-size';

/** Pluggable API machinery (defaulting, validation, schema), wired by the cluster. */
export interface ApiPlugins {
  applyDefaults(obj: KubeObject): void;
  validate(obj: KubeObject, old?: KubeObject): FieldError[];
  /** paths of fields the schema does not know, for strict decoding */
  unknownFields(obj: unknown): string[];
  /** values the decoder cannot read into the field's type (`json: cannot unmarshal ...`) */
  typeErrors(obj: unknown): string[];
  /** ServiceAccount admission and DefaultTolerationSeconds for a new pod */
  admitPod(pod: Pod, rng: Random): void;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** controller writes skip the user-facing object limits (they are counted, not refused) */
  internal?: boolean;
  /**
   * An Event the engine's recorder built whole for this call (with `internal`): it is stored as
   * given, not copied; defaulting cannot change it and of validation only its name can fail
   * (`<object>.<nanos>`), so the rest is skipped. User input never takes this path.
   */
  trusted?: boolean;
}

export interface DeleteOptions {
  dryRun?: boolean;
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string | Selector;
  fieldSelector?: string;
}

/** Namespaces the API server refuses to delete. */
const UNDELETABLE_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** Kinds whose main endpoint ignores status (it has a status subresource). */
const STATUS_SUBRESOURCE = new Set([
  'pods',
  'nodes',
  'namespaces',
  'services',
  'deployments',
  'replicasets',
  'daemonsets',
  'persistentvolumes',
  'persistentvolumeclaims',
]);

const PROTECTED_FINALIZERS = ['orphan', 'foregroundDeletion'];

export class ApiServer {
  readonly services: ServiceAllocator;

  constructor(
    readonly store: ObjectStore,
    private readonly clock: { now(): number },
    private readonly rng: Random,
    private readonly limits: ClusterLimits,
    private readonly plugins: ApiPlugins,
  ) {
    this.services = new ServiceAllocator(store, rng);
  }

  now(): number {
    return this.clock.now();
  }

  info(resource: string): ResourceInfo {
    const info = resourceByName(resource);
    if (!info) throw new ApiError('NotFound', `the server could not find the requested resource`);
    return info;
  }

  /** The resource for an object's apiVersion and kind, or a 400 as the server answers. */
  infoFor(obj: { apiVersion?: unknown; kind?: unknown }): ResourceInfo {
    const info = typeof obj.apiVersion === 'string' && typeof obj.kind === 'string' ? resourceForKind(obj.apiVersion, obj.kind) : undefined;
    if (!info) throw new ApiError('NotFound', `the server could not find the requested resource`);
    return info;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject {
    const info = this.info(resource);
    if (info.computed) return getComponentStatus(name);
    const obj = this.store.get(resource, info.namespaced ? namespace : undefined, name);
    if (!obj) throw ApiError.notFound(qualifiedResource(info), name);
    return obj;
  }

  tryGet(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const info = resourceByName(resource);
    if (info?.computed) return findComponentStatus(name);
    return info ? this.store.get(resource, info.namespaced ? namespace : undefined, name) : undefined;
  }

  list(resource: string, opts: ListOptions = {}): KubeObject[] {
    const info = this.info(resource);
    const labelSel = typeof opts.labelSelector === 'string' ? parseSelector(opts.labelSelector) : opts.labelSelector ?? [];
    const fieldSel: FieldRequirement[] = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, resource, info.kind) : [];
    const items = info.computed ? listComponentStatuses() : this.store.list(resource, info.namespaced ? opts.namespace : undefined);
    if (labelSel.length === 0 && fieldSel.length === 0) return items;
    return items.filter((o) => matches(labelSel, o.metadata.labels) && matchesFields(fieldSel, o));
  }

  // ---- create -------------------------------------------------------------------------------

  create(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = this.infoFor(input);
    allow(info, 'create');
    // the API server takes ownership of what controllers hand it; user input is copied
    const obj = opts.trusted ? input : opts.internal ? { ...input, metadata: { ...(input.metadata ?? {}) } } : clone(input);
    const meta = obj.metadata;
    if (info.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = this.generateName(info, meta.generateName, meta.namespace);
    if (!meta.name) {
      throw ApiError.invalid(info.kind, '', [{ field: 'metadata.name', detail: 'Required value: name or generateName is required' }]);
    }
    const qr = qualifiedResource(info);
    if (info.namespaced) this.admitNamespace(qr, meta.name, meta.namespace!, info);
    if (this.store.get(info.resource, meta.namespace, meta.name)) throw ApiError.alreadyExists(qr, meta.name);

    // server-owned metadata is never taken from the request (a trusted caller, the Event
    // recorder, leaves places for them, set below)
    if (!opts.trusted) {
      delete meta.resourceVersion;
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    meta.uid = this.rng.uuid();
    meta.creationTimestamp = rfc3339(this.now());
    if (info.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    if (info.resource === 'namespaces') (obj as Namespace).status = { phase: 'Active' };

    if (opts.trusted) {
      if (isDNS1123Subdomain(meta.name).length) this.checkValid(info, obj); // the same error the full path gives
    } else {
      this.plugins.applyDefaults(obj);
      if (info.resource === 'pods') this.plugins.admitPod(obj as Pod, this.rng);
      // the registry's BeginCreate allocates before the strategy validates (store.go create), so
      // an allocation error is the one reported; a refused request stores nothing, and what is in
      // use is read from the stored Services, so nothing stays reserved
      if (info.resource === 'services') this.services.allocate(obj, undefined, opts.dryRun === true);
      this.checkValid(info, obj);
    }
    if (!opts.internal) {
      this.admitLimits(info, obj);
      this.checkSize(info, obj);
    }
    if (opts.dryRun) return obj;
    return this.store.put(info.resource, obj);
  }

  private generateName(info: ResourceInfo, base: string, namespace: string | undefined): string {
    const prefix = base.length > 58 ? base.slice(0, 58) : base;
    for (let i = 0; i < 8; i++) {
      const name = prefix + this.rng.string(5);
      if (!this.store.get(info.resource, namespace, name)) return name;
    }
    throw ApiError.alreadyExists(qualifiedResource(info), prefix);
  }

  private admitNamespace(qr: string, name: string, namespace: string, info: ResourceInfo): void {
    const ns = this.store.get('namespaces', undefined, namespace) as Namespace | undefined;
    if (!ns) throw ApiError.notFound('namespaces', namespace);
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
      if (info.resource === 'events') return; // events about the teardown are still accepted
      throw ApiError.forbidden(qr, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private admitLimits(info: ResourceInfo, obj: KubeObject): void {
    if (info.resource === 'events') return;
    const used = this.store.size - this.store.countOf('events');
    const qr = qualifiedResource(info);
    if (used >= this.limits.maxObjects) {
      throw ApiError.forbidden(qr, obj.metadata.name!, `exceeded quota: cluster-limits, requested: count/objects=1, used: count/objects=${used}, limited: count/objects=${this.limits.maxObjects}`);
    }
    if (info.resource === 'pods') {
      const pods = this.store.countOf('pods');
      if (pods >= this.limits.maxPods) {
        throw ApiError.forbidden(qr, obj.metadata.name!, `exceeded quota: cluster-limits, requested: pods=1, used: pods=${pods}, limited: pods=${this.limits.maxPods}`);
      }
    }
  }

  private checkSize(info: ResourceInfo, obj: KubeObject): void {
    // only an object that might be too large is serialized to measure it
    if (jsonLengthBound(obj, this.limits.maxObjectBytes) <= this.limits.maxObjectBytes) return;
    if (JSON.stringify(obj).length > this.limits.maxObjectBytes) {
      if (info.resource === 'configmaps' || info.resource === 'secrets') {
        throw ApiError.invalid(info.kind, obj.metadata.name!, [{ field: '[]', detail: `Too long: may not be more than ${this.limits.maxObjectBytes} bytes` }]);
      }
      throw new ApiError('RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    }
  }

  private checkValid(info: ResourceInfo, obj: KubeObject, old?: KubeObject): void {
    const errs = this.plugins.validate(obj, old);
    if (errs.length) throw ApiError.invalid(info.kind, obj.metadata.name ?? '', errs);
  }

  /** Strict field validation, as the server's `fieldValidation=Strict` decoder does it. */
  strictDecode(raw: unknown): void {
    const o = raw as { kind?: string; apiVersion?: string };
    const version = (o.apiVersion ?? '').split('/').pop();
    const typeErrors = this.plugins.typeErrors(raw);
    if (typeErrors.length) {
      throw ApiError.badRequest(`${o.kind} in version "${version}" cannot be handled as a ${o.kind}: ${typeErrors[0]}`);
    }
    const unknown = this.plugins.unknownFields(raw);
    if (unknown.length) {
      throw ApiError.badRequest(`${o.kind} in version "${version}" cannot be handled as a ${o.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
    }
  }

  // ---- update -------------------------------------------------------------------------------

  /**
   * Replaces an object. `subresource: 'status'` writes only status; the main resource keeps the
   * stored status for kinds with a status subresource. A stale resourceVersion is a 409.
   */
  update(input: KubeObject, opts: WriteOptions & { subresource?: 'status' } = {}): KubeObject {
    const info = this.infoFor(input);
    allow(info, 'update');
    const meta = input.metadata ?? {};
    const name = meta.name ?? '';
    const namespace = info.namespaced ? meta.namespace || 'default' : undefined;
    const old = this.store.get(info.resource, namespace, name);
    const qr = qualifiedResource(info);
    if (!old) throw ApiError.notFound(qr, name);
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw ApiError.conflict(qr, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (meta.uid && meta.uid !== old.metadata.uid) {
      throw ApiError.conflict(qr, name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    let obj: KubeObject;
    if (opts.subresource === 'status') {
      // stored objects are immutable, so the new version may share everything but its status
      obj = { ...old, metadata: { ...old.metadata }, status: input.status };
    } else {
      obj = opts.internal ? { ...input, metadata: { ...input.metadata } } : clone(input);
      obj.metadata = {
        ...obj.metadata,
        namespace,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        generation: old.metadata.generation,
      };
      if (!obj.metadata.deletionTimestamp) delete obj.metadata.deletionTimestamp;
      if (obj.metadata.deletionGracePeriodSeconds === undefined) delete obj.metadata.deletionGracePeriodSeconds;
      if (obj.metadata.generation === undefined) delete obj.metadata.generation;
      const keepStatus = STATUS_SUBRESOURCE.has(info.resource);
      // defaulting writes into the object: it must not reach the stored status shared below
      if (keepStatus) delete obj.status;
      if (!opts.trusted) this.plugins.applyDefaults(obj);
      if (keepStatus) {
        if (old.status === undefined) delete obj.status;
        else obj.status = old.status;
      }
      if (info.hasGeneration && !deepEqual(obj.spec, old.spec)) {
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
      // BeginUpdate allocates before the strategy validates (store.go Update); as on create, a
      // refused update leaves the stored Service, and so what it holds, as it was
      if (info.resource === 'services') this.services.allocate(obj, old, opts.dryRun === true);
    }
    // a trusted update (an Event's count) keeps the stored, validated name and metadata
    if (opts.subresource !== 'status' && !opts.trusted) this.checkValid(info, obj, old);
    if (!opts.internal && opts.subresource !== 'status') this.checkSize(info, obj);
    if (opts.dryRun) return obj;
    // an object being deleted goes when its last finalizer does (a namespace when its spec.finalizers do)
    const pendingFinalizers = (obj.metadata.finalizers ?? []).length + (info.resource === 'namespaces' ? (obj.spec?.finalizers ?? []).length : 0);
    if (obj.metadata.deletionTimestamp && pendingFinalizers === 0 && info.resource !== 'pods') {
      return this.store.remove(info.resource, namespace, name);
    }
    // nothing changed: the API server does not write (resourceVersion stays); a status write
    // shares everything but the status with the stored object
    if (opts.subresource === 'status' ? deepEqual(obj.status, old.status) : sameExceptRv(obj, old)) return old;
    return this.store.put(info.resource, obj);
  }

  updateStatus(obj: KubeObject): KubeObject {
    return this.update(obj, { subresource: 'status' });
  }

  // ---- delete -------------------------------------------------------------------------------

  /**
   * Deletes as the registry does: graceful for scheduled pods (deletionTimestamp, the kubelet
   * finishes), deferred while finalizers remain, orphan/foreground via the GC's finalizers.
   * Returns the object as it stands after the call.
   */
  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const info = this.info(resource);
    allow(info, 'delete');
    const ns = info.namespaced ? namespace || 'default' : undefined;
    const qr = qualifiedResource(info);
    const old = this.store.get(resource, ns, name);
    if (!old) throw ApiError.notFound(qr, name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== old.metadata.uid) {
      throw ApiError.conflict(qr, name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (opts.preconditions?.resourceVersion && opts.preconditions.resourceVersion !== old.metadata.resourceVersion) {
      throw ApiError.conflict(qr, name, `Precondition failed: ResourceVersion in precondition: ${opts.preconditions.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    }
    if (resource === 'namespaces' && UNDELETABLE_NAMESPACES.includes(name)) {
      throw ApiError.forbidden('namespaces', name, 'this namespace may not be deleted');
    }
    if (opts.dryRun) return old;
    const now = rfc3339(this.now());
    // stored objects are immutable: the new version shares all but its metadata (and the
    // namespace's status, replaced below)
    const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
    const meta = obj.metadata;
    const finalizers = [...(meta.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? 'Background';
    if (policy === 'Orphan' && !finalizers.includes('orphan') && !meta.deletionTimestamp) finalizers.push('orphan');
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion') && !meta.deletionTimestamp) finalizers.push('foregroundDeletion');

    if (resource === 'namespaces') {
      if (meta.deletionTimestamp) return old;
      meta.deletionTimestamp = now;
      meta.deletionGracePeriodSeconds = 0;
      (obj as Namespace).status = { ...(obj as Namespace).status, phase: 'Terminating' };
      if (finalizers.length) meta.finalizers = finalizers;
      return this.store.put(resource, obj);
    }

    if (resource === 'pods') {
      const pod = obj as Pod;
      const requested = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      // an unscheduled pod, or one already finished, has nothing to stop: it goes at once
      const immediate = requested === 0 || !pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const grace = immediate ? 0 : requested;
      const current = meta.deletionGracePeriodSeconds;
      if (meta.deletionTimestamp && current !== undefined && current <= grace) return old;
      meta.deletionTimestamp = rfc3339(this.now() + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
      if (finalizers.length) meta.finalizers = finalizers;
      if (grace === 0 && !finalizers.length) return this.store.remove(resource, ns, name);
      return this.store.put(resource, obj);
    }

    if (finalizers.length) {
      if (meta.deletionTimestamp && sameList(finalizers, old.metadata.finalizers)) return old;
      meta.deletionTimestamp = meta.deletionTimestamp ?? now;
      meta.deletionGracePeriodSeconds = 0;
      meta.finalizers = finalizers;
      return this.store.put(resource, obj);
    }
    return this.store.remove(resource, ns, name);
  }

  /** Removes a finalizer (the GC, the namespace and PV controllers use it). */
  removeFinalizer(obj: KubeObject, finalizer: string): KubeObject | undefined {
    const info = this.infoFor(obj);
    const cur = this.store.get(info.resource, obj.metadata.namespace, obj.metadata.name!);
    if (!cur || !(cur.metadata.finalizers ?? []).includes(finalizer)) return cur;
    const next = clone(cur);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers) {
      if (info.resource === 'pods' && (next.metadata.deletionGracePeriodSeconds ?? 0) > 0) return this.store.put(info.resource, next);
      this.store.remove(info.resource, cur.metadata.namespace, cur.metadata.name!);
      return undefined;
    }
    return this.store.put(info.resource, next);
  }

  static isProtectedFinalizer(f: string): boolean {
    return PROTECTED_FINALIZERS.includes(f);
  }
}

/** A verb the resource's registry lacks has no route: the 405 comes before any lookup. */
function allow(info: ResourceInfo, verb: 'create' | 'update' | 'delete'): void {
  if (!info.verbs.includes(verb)) throw ApiError.methodNotAllowed();
}

function sameExceptRv(a: KubeObject, b: KubeObject): boolean {
  return sameMembersExcept(a, b, 'metadata') && sameMembersExcept(a.metadata as Record<string, unknown>, b.metadata as Record<string, unknown>, 'resourceVersion');
}

/** deepEqual over the members of both objects but `skip` (no key sets built: runs on every update) */
function sameMembersExcept(a: Record<string, unknown>, b: Record<string, unknown>, skip: string): boolean {
  for (const k of Object.keys(a)) if (k !== skip && !deepEqual(a[k], b[k])) return false;
  // a member only `b` has is equal only when undefined, as deepEqual(undefined, x) says
  for (const k of Object.keys(b)) if (k !== skip && b[k] !== undefined && !Object.prototype.hasOwnProperty.call(a, k)) return false;
  return true;
}

/** Structural equality of JSON values (undefined members count as absent). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    na++;
    if (!deepEqual(ra[k], rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}

function sameList(a: string[], b: string[] | undefined): boolean {
  return a.length === (b ?? []).length && a.every((x, i) => x === b![i]);
}
