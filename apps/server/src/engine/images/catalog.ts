// Looks images up in the catalog as a registry would: an unknown repository is "pull access
// denied", an unknown tag "not found", with containerd's exact texts as the kubelet reports them.

import { CATALOG } from './catalog-data';
import { ImageEntry, ImageInfo } from './catalog-types';
import { fakeSha256 } from './digest';
import { ImageRef, parseImageRef } from './image-ref';

export type { ImageInfo, ImageEntry, HttpAnswer, ImageBehaviour } from './catalog-types';

const BY_REPO = new Map<string, ImageEntry>();
for (const e of CATALOG) {
  BY_REPO.set(e.repo, e);
  for (const a of e.aliases ?? []) BY_REPO.set(a, e);
}

/** Registry throughput of the simulated network (bytes per second). */
const PULL_BYTES_PER_SECOND = 30_000_000;
/** Resolving, authenticating, unpacking: the fixed part of a pull. */
const PULL_OVERHEAD_MS = 1000;

export type LookupResult = { ok: true; ref: ImageRef; info: ImageInfo } | { ok: false; ref: ImageRef; reason: 'repository' | 'tag' | 'unavailable' };

/** answers for the usual case (no image made unavailable): the kubelet asks several times per start */
const LOOKUPS = new Map<string, LookupResult>();

/** Resolves an image reference; `unavailable` lists `repo` or `repo:tag` made unavailable (a fault). */
export function lookupImage(image: string, unavailable: readonly string[] = []): LookupResult {
  if (unavailable.length) return lookupUncached(image, unavailable);
  let hit = LOOKUPS.get(image);
  if (!hit) {
    if (LOOKUPS.size >= 512) LOOKUPS.clear();
    const r = lookupUncached(image, unavailable);
    Object.freeze(r.ref);
    hit = Object.freeze(r);
    LOOKUPS.set(image, hit);
  }
  return hit;
}

function lookupUncached(image: string, unavailable: readonly string[]): LookupResult {
  const ref = parseImageRef(image);
  const entry = BY_REPO.get(ref.familiar);
  if (!entry) return { ok: false, ref, reason: 'repository' };
  // a digest reference pulls whatever the digest names: accept it with the default tag's data
  const tag = ref.tag || (ref.digest ? Object.keys(entry.tags)[0] : 'latest');
  const size = entry.tags[tag];
  if (size === undefined) return { ok: false, ref, reason: 'tag' };
  const gone = unavailableAs(ref, unavailable);
  if (gone) return { ok: false, ref, reason: gone };
  return { ok: true, ref, info: resolveEntry(entry, tag, size) };
}

/**
 * How a reference made unavailable fails: a whole repository as a registry answers for one that
 * does not exist (or is private), one tag of it as a tag that is not there (NotFound).
 */
function unavailableAs(ref: ImageRef, unavailable: readonly string[]): 'unavailable' | 'tag' | undefined {
  if (!unavailable.length) return undefined;
  const repository = new Set([ref.familiar, `${ref.registry}/${ref.path}`]);
  if (unavailable.some((u) => repository.has(u))) return 'unavailable';
  const tagged = new Set([ref.raw, ref.full, `${ref.familiar}:${ref.tag || 'latest'}`]);
  return unavailable.some((u) => tagged.has(u)) ? 'tag' : undefined;
}

const RESOLVED = new Map<string, ImageInfo>();

/** Resolved entries are immutable data: cache them (the digest costs a hash). */
function resolveEntry(entry: ImageEntry, tag: string, size: number): ImageInfo {
  const key = `${entry.repo}:${tag}`;
  let hit = RESOLVED.get(key);
  if (!hit) {
    hit = Object.freeze(resolveEntryUncached(entry, tag, size)) as ImageInfo;
    RESOLVED.set(key, hit);
  }
  return hit;
}

function resolveEntryUncached(entry: ImageEntry, tag: string, size: number): ImageInfo {
  const { tags: _tags, variants, aliases: _aliases, ...base } = entry;
  let info: ImageInfo = { ...base, tag, size, digest: `sha256:${fakeSha256(`${entry.repo}:${tag}`)}` };
  for (const v of variants ?? []) {
    if (!v.match.test(tag)) continue;
    const { match: _m, ...over } = v;
    info = { ...info, ...over, vars: { ...(info.vars ?? {}), ...(over.vars ?? {}) } };
  }
  return info;
}

/** How long pulling `size` bytes takes, in ms (plus a machine's slow-registry delay). */
export function pullDurationMs(size: number, extraDelayMs = 0): number {
  return PULL_OVERHEAD_MS + Math.round((size / PULL_BYTES_PER_SECOND) * 1000) + extraDelayMs;
}

/** A failed pull takes about this long (resolving the reference). */
export const FAILED_PULL_MS = 800;

/** containerd's imageRef for a pulled image: `docker.io/library/nginx@sha256:...` */
export function imageIdOf(ref: ImageRef, info: ImageInfo): string {
  // a looked-up ref is cached and frozen: its strings are made once, not once per container
  let id = IMAGE_IDS.get(ref);
  if (id === undefined || !id.endsWith(info.digest)) {
    id = `${ref.registry}/${ref.path}@${info.digest}`;
    IMAGE_IDS.set(ref, id);
  }
  return id;
}

/** The image name containerd reports in container statuses: `docker.io/library/nginx:latest` */
export function imageNameOf(ref: ImageRef): string {
  let name = IMAGE_NAMES.get(ref);
  if (name === undefined) {
    name = `${ref.registry}/${ref.path}:${ref.tag || 'latest'}`;
    IMAGE_NAMES.set(ref, name);
  }
  return name;
}

const IMAGE_IDS = new WeakMap<ImageRef, string>();
const IMAGE_NAMES = new WeakMap<ImageRef, string>();

/**
 * The CRI error for a failed pull, as the kubelet shows it in the container's waiting message
 * and (after `Failed to pull image "x": `) in the Failed event.
 */
export function pullErrorMessage(ref: ImageRef, reason: 'repository' | 'tag' | 'unavailable'): string {
  const name = `${ref.registry}/${ref.path}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
  if (reason === 'tag') {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
  }
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Every repository the catalog knows (for completion and docs). */
export function catalogRepositories(): string[] {
  return CATALOG.map((e) => e.repo);
}
