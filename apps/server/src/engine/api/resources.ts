// Discovery data: the resources this API server serves, as `kubectl api-resources` lists them.

export interface ResourceInfo {
  /** plural resource name, e.g. `deployments` */
  resource: string;
  singular: string;
  kind: string;
  /** API group, '' for core */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories: string[];
  /** the registry sets metadata.generation (bumped on spec changes) */
  hasGeneration: boolean;
  /** served and listed, but no controller acts on it */
  storedOnly?: boolean;
  /** never stored: the API server computes it on each read (ComponentStatus) */
  computed?: boolean;
  /** the API server's deprecation warning, sent with every read (`Warning: ...` in kubectl) */
  deprecated?: string;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  resource: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  opts: Partial<ResourceInfo> = {},
): ResourceInfo {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    group,
    version,
    namespaced,
    shortNames,
    verbs: ALL_VERBS,
    categories: [],
    hasGeneration: false,
    ...opts,
  };
}

/** In `kubectl api-resources` order: core first, then groups alphabetically, names alphabetically. */
export const RESOURCES: readonly ResourceInfo[] = [
  r('componentstatuses', 'ComponentStatus', '', 'v1', false, ['cs'], {
    singular: 'componentstatus',
    verbs: ['get', 'list'],
    computed: true,
    deprecated: 'v1 ComponentStatus is deprecated in v1.19+',
  }),
  r('configmaps', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'Endpoints', '', 'v1', true, ['ep'], { singular: 'endpoints' }),
  r('events', 'Event', '', 'v1', true, ['ev']),
  r('namespaces', 'Namespace', '', 'v1', false, ['ns'], { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('nodes', 'Node', '', 'v1', false, ['no']),
  r('persistentvolumeclaims', 'PersistentVolumeClaim', '', 'v1', true, ['pvc']),
  r('persistentvolumes', 'PersistentVolume', '', 'v1', false, ['pv']),
  r('pods', 'Pod', '', 'v1', true, ['po'], { categories: ['all'] }),
  r('secrets', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'ServiceAccount', '', 'v1', true, ['sa']),
  r('services', 'Service', '', 'v1', true, ['svc'], { categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('daemonsets', 'DaemonSet', 'apps', 'v1', true, ['ds'], { categories: ['all'], hasGeneration: true }),
  r('deployments', 'Deployment', 'apps', 'v1', true, ['deploy'], { categories: ['all'], hasGeneration: true }),
  r('replicasets', 'ReplicaSet', 'apps', 'v1', true, ['rs'], { categories: ['all'], hasGeneration: true }),
  r('leases', 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', false, [], { storedOnly: true }),
  r('clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io', 'v1', false, [], { storedOnly: true }),
  r('rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io', 'v1', true, [], { storedOnly: true }),
  r('roles', 'Role', 'rbac.authorization.k8s.io', 'v1', true, [], { storedOnly: true }),
  r('storageclasses', 'StorageClass', 'storage.k8s.io', 'v1', false, ['sc']),
];

const byKind = new Map<string, ResourceInfo>();
const byResource = new Map<string, ResourceInfo>();
for (const info of RESOURCES) {
  byKind.set(`${info.group}/${info.kind}`, info);
  byResource.set(info.resource, info);
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export function groupOfApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

const forKind = new Map<string, Map<string, ResourceInfo | undefined>>();

/** The resource serving `kind` at `apiVersion`, or undefined when this server has no such kind. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  // asked on every write: answers are remembered per apiVersion and kind (a bounded set in practice)
  let kinds = forKind.get(apiVersion);
  if (!kinds) {
    if (forKind.size >= 256) forKind.clear();
    forKind.set(apiVersion, (kinds = new Map()));
  }
  if (kinds.has(kind)) return kinds.get(kind);
  const { group, version } = groupOfApiVersion(apiVersion);
  const info = byKind.get(`${group}/${kind}`);
  const answer = info && info.version === version ? info : undefined;
  if (kinds.size < 256) kinds.set(kind, answer);
  return answer;
}

export function resourceByName(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

/** `deployments.apps`, or just `pods` for the core group: how API errors name a resource. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/**
 * Resolves what a user typed (`po`, `pod`, `pods`, `Pod`, `deployments.apps`, `deploy.apps`,
 * `deployments.v1.apps`) as kubectl's RESTMapper does. Undefined when nothing matches.
 */
export function resolveResourceArg(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const direct = matchName(lower, RESOURCES);
  if (direct) return direct;
  // resource.group or resource.version.group
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const name = lower.slice(0, dot);
    let rest = lower.slice(dot + 1);
    const candidates = RESOURCES.filter((i) => i.group === rest || (rest.startsWith(`${i.version}.`) && rest.slice(i.version.length + 1) === i.group));
    if (candidates.length === 0) {
      // `pods.v1` style is not accepted by kubectl for the core group either; keep undefined
      rest = '';
    }
    return matchName(name, candidates);
  }
  return undefined;
}

function matchName(name: string, infos: readonly ResourceInfo[]): ResourceInfo | undefined {
  return (
    infos.find((i) => i.resource === name) ??
    infos.find((i) => i.singular === name) ??
    infos.find((i) => i.shortNames.includes(name)) ??
    infos.find((i) => i.kind.toLowerCase() === name)
  );
}
