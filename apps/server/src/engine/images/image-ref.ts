// Image references as containerd normalizes them: `nginx` is docker.io/library/nginx:latest,
// `bitnami/redis:7` is docker.io/bitnami/redis:7, anything whose first part looks like a host
// (a dot, a port or `localhost`) names its own registry.

export interface ImageRef {
  /** what the pod spec says */
  raw: string;
  registry: string;
  /** path inside the registry: `library/nginx` */
  path: string;
  /** '' when only a digest is given */
  tag: string;
  digest?: string;
  /** fully qualified, as containerd reports it: `docker.io/library/nginx:latest` */
  full: string;
  /** the catalog's key: `nginx`, `hashicorp/http-echo`, `registry.k8s.io/pause` */
  familiar: string;
}

export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  } else if (!digest) tag = 'latest';
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  let path = parts.join('/');
  if (registry === 'docker.io' && parts.length === 1) path = `library/${path}`;
  const full = `${registry}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  const familiar = registry === 'docker.io' ? (path.startsWith('library/') ? path.slice(8) : path) : `${registry}/${path}`;
  return { raw, registry, path, tag, digest, full, familiar };
}

/** `repo:tag` as machines list their images (MachineState.images) */
export function machineImageKey(ref: ImageRef): string {
  return `${ref.familiar}:${ref.tag || ref.digest || 'latest'}`;
}

// distribution/reference's grammar (ReferenceRegexp): what kubectl run accepts as --image
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`);

/** a well-formed image reference (any name, tag and digest the grammar allows; `Nginx` is not) */
export function isImageReference(raw: string): boolean {
  return REFERENCE.test(raw);
}

const NAME_TOTAL_LENGTH_MAX = 255;
const HEX_IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Why the kubelet cannot use `raw` as an image name, in the words of distribution/reference
 * v0.6.0's ParseNormalizedNamed (what the kubelet's parsers.ParseImageName calls), or undefined
 * when it can: `Nginx` gives "invalid reference format: repository name (library/Nginx) must be
 * lowercase", `nginx:` gives "invalid reference format".
 */
export function normalizedNameError(raw: string): string | undefined {
  // every container start asks, of the few names a cluster uses
  const hit = NAME_ERRORS.get(raw);
  if (hit !== undefined) return hit || undefined;
  const said = nameError(raw);
  if (NAME_ERRORS.size >= 512) NAME_ERRORS.clear();
  NAME_ERRORS.set(raw, said ?? '');
  return said;
}

const NAME_ERRORS = new Map<string, string>();

function nameError(raw: string): string | undefined {
  if (HEX_IDENTIFIER.test(raw)) return `invalid repository name (${raw}), cannot specify 64-byte hexadecimal strings`;
  // splitDockerDomain: a first part is a registry when it has a dot or a port, is localhost, or has capitals
  const slash = raw.indexOf('/');
  let domain = 'docker.io';
  let remainder = raw;
  if (slash >= 0) {
    const first = raw.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      remainder = raw.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  // reference.Parse of the whole name
  const full = `${domain}/${remainder}`;
  if (!REFERENCE.test(full)) return REFERENCE.test(full.toLowerCase()) ? 'invalid reference format: repository name must be lowercase' : 'invalid reference format';
  const at = full.indexOf('@');
  const name = full.slice(0, at >= 0 ? at : undefined).replace(/:[^/]*$/, '');
  if (name.length > NAME_TOTAL_LENGTH_MAX) return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  if (at >= 0) {
    const [algorithm, hex] = full.slice(at + 1).split(':');
    const want = DIGEST_HEX_LENGTH[algorithm];
    if (want === undefined) return 'unsupported digest algorithm';
    if (hex.length !== want) return 'invalid checksum digest length';
    if (!/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
  }
  return undefined;
}
