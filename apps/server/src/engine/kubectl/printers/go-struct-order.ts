// `-o json` of an object kubectl holds as a Go type (what its generators make, what the set
// commands patch) prints the fields in the Go struct's order, `kind` before `apiVersion`; an
// object read from the server is a map, printed with sorted keys. This is the field order of the
// k8s.io/api types kubectl's generators and set commands print, as far as they reach; maps
// (labels, data, selectors) and fields not listed keep sorted order, after the listed ones.

/** a type's fields in declaration order, each with its type ('' for a scalar or a map) */
type Fields = readonly (readonly [string, string])[];

const META: Fields = [
  ['name', ''],
  ['generateName', ''],
  ['namespace', ''],
  ['selfLink', ''],
  ['uid', ''],
  ['resourceVersion', ''],
  ['generation', ''],
  ['creationTimestamp', ''],
  ['deletionTimestamp', ''],
  ['deletionGracePeriodSeconds', ''],
  ['labels', ''],
  ['annotations', ''],
  ['ownerReferences', ''],
  ['finalizers', ''],
  ['managedFields', ''],
];

const TYPES: Record<string, Fields> = {
  Deployment: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', 'DeploymentSpec'], ['status', '']],
  DeploymentSpec: [
    ['replicas', ''],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['strategy', 'DeploymentStrategy'],
    ['minReadySeconds', ''],
    ['revisionHistoryLimit', ''],
    ['paused', ''],
    ['progressDeadlineSeconds', ''],
  ],
  DeploymentStrategy: [['type', ''], ['rollingUpdate', '']],
  ReplicaSet: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', 'ReplicaSetSpec'], ['status', '']],
  ReplicaSetSpec: [['replicas', ''], ['minReadySeconds', ''], ['selector', 'LabelSelector'], ['template', 'PodTemplateSpec']],
  DaemonSet: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', 'DaemonSetSpec'], ['status', '']],
  DaemonSetSpec: [['selector', 'LabelSelector'], ['template', 'PodTemplateSpec'], ['updateStrategy', ''], ['minReadySeconds', ''], ['revisionHistoryLimit', '']],
  LabelSelector: [['matchLabels', ''], ['matchExpressions', '']],
  PodTemplateSpec: [['metadata', 'meta'], ['spec', 'PodSpec']],
  Pod: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', 'PodSpec'], ['status', '']],
  PodSpec: [
    ['volumes', ''],
    ['initContainers', '[]Container'],
    ['containers', '[]Container'],
    ['ephemeralContainers', ''],
    ['restartPolicy', ''],
    ['terminationGracePeriodSeconds', ''],
    ['activeDeadlineSeconds', ''],
    ['dnsPolicy', ''],
    ['nodeSelector', ''],
    ['serviceAccountName', ''],
    ['serviceAccount', ''],
    ['automountServiceAccountToken', ''],
    ['nodeName', ''],
    ['hostNetwork', ''],
    ['hostPID', ''],
    ['hostIPC', ''],
    ['shareProcessNamespace', ''],
    ['securityContext', ''],
    ['imagePullSecrets', ''],
    ['hostname', ''],
    ['subdomain', ''],
    ['affinity', ''],
    ['schedulerName', ''],
    ['tolerations', ''],
    ['hostAliases', ''],
    ['priorityClassName', ''],
    ['priority', ''],
    ['dnsConfig', ''],
    ['readinessGates', ''],
    ['runtimeClassName', ''],
    ['enableServiceLinks', ''],
    ['preemptionPolicy', ''],
    ['overhead', ''],
    ['topologySpreadConstraints', ''],
    ['setHostnameAsFQDN', ''],
    ['os', ''],
    ['hostUsers', ''],
    ['schedulingGates', ''],
    ['resourceClaims', ''],
    ['resources', ''],
  ],
  Container: [
    ['name', ''],
    ['image', ''],
    ['command', ''],
    ['args', ''],
    ['workingDir', ''],
    ['ports', '[]ContainerPort'],
    ['envFrom', ''],
    ['env', '[]EnvVar'],
    ['resources', 'ResourceRequirements'],
    ['resizePolicy', ''],
    ['restartPolicy', ''],
    ['volumeMounts', ''],
    ['volumeDevices', ''],
    ['livenessProbe', ''],
    ['readinessProbe', ''],
    ['startupProbe', ''],
    ['lifecycle', ''],
    ['terminationMessagePath', ''],
    ['terminationMessagePolicy', ''],
    ['imagePullPolicy', ''],
    ['securityContext', ''],
    ['stdin', ''],
    ['stdinOnce', ''],
    ['tty', ''],
  ],
  ContainerPort: [['name', ''], ['hostPort', ''], ['containerPort', ''], ['protocol', ''], ['hostIP', '']],
  EnvVar: [['name', ''], ['value', ''], ['valueFrom', '']],
  ResourceRequirements: [['limits', ''], ['requests', ''], ['claims', '']],
  Service: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', 'ServiceSpec'], ['status', 'ServiceStatus']],
  ServiceSpec: [
    ['ports', '[]ServicePort'],
    ['selector', ''],
    ['clusterIP', ''],
    ['clusterIPs', ''],
    ['type', ''],
    ['externalIPs', ''],
    ['sessionAffinity', ''],
    ['loadBalancerIP', ''],
    ['loadBalancerSourceRanges', ''],
    ['externalName', ''],
    ['externalTrafficPolicy', ''],
    ['healthCheckNodePort', ''],
    ['publishNotReadyAddresses', ''],
    ['sessionAffinityConfig', ''],
    ['ipFamilies', ''],
    ['ipFamilyPolicy', ''],
    ['allocateLoadBalancerNodePorts', ''],
    ['loadBalancerClass', ''],
    ['internalTrafficPolicy', ''],
    ['trafficDistribution', ''],
  ],
  ServicePort: [['name', ''], ['protocol', ''], ['appProtocol', ''], ['port', ''], ['targetPort', ''], ['nodePort', '']],
  ServiceStatus: [['loadBalancer', ''], ['conditions', '']],
  ConfigMap: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['immutable', ''], ['data', ''], ['binaryData', '']],
  Secret: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['immutable', ''], ['data', ''], ['stringData', ''], ['type', '']],
  Namespace: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['spec', ''], ['status', '']],
  ServiceAccount: [['kind', ''], ['apiVersion', ''], ['metadata', 'meta'], ['secrets', ''], ['imagePullSecrets', ''], ['automountServiceAccountToken', '']],
  meta: META,
  // clientcmd's v1.Config, as `kubectl config view -o json` prints it
  Config: [['kind', ''], ['apiVersion', ''], ['preferences', ''], ['clusters', '[]NamedCluster'], ['users', '[]NamedAuthInfo'], ['contexts', '[]NamedContext'], ['current-context', ''], ['extensions', '']],
  NamedCluster: [['name', ''], ['cluster', 'Cluster']],
  Cluster: [['server', ''], ['tls-server-name', ''], ['insecure-skip-tls-verify', ''], ['certificate-authority', ''], ['certificate-authority-data', ''], ['proxy-url', ''], ['disable-compression', ''], ['extensions', '']],
  NamedAuthInfo: [['name', ''], ['user', 'AuthInfo']],
  AuthInfo: [
    ['client-certificate', ''],
    ['client-certificate-data', ''],
    ['client-key', ''],
    ['client-key-data', ''],
    ['token', ''],
    ['tokenFile', ''],
    ['as', ''],
    ['as-uid', ''],
    ['as-groups', ''],
    ['as-user-extra', ''],
    ['username', ''],
    ['password', ''],
    ['auth-provider', ''],
    ['exec', ''],
    ['extensions', ''],
  ],
  NamedContext: [['name', ''], ['context', 'Context']],
  Context: [['cluster', ''], ['user', ''], ['namespace', ''], ['extensions', '']],
};

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** maps (and structs not listed) as json.Marshal writes a map: keys sorted, all the way down */
function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (!v || typeof v !== 'object') return v;
  const src = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(src).sort(byteOrder).map((k) => [k, sortedDeep(src[k])]));
}

function ordered(v: unknown, type: string): unknown {
  if (type.startsWith('[]')) return Array.isArray(v) ? v.map((x) => ordered(x, type.slice(2))) : sortedDeep(v);
  const fields = TYPES[type];
  if (!fields || !v || typeof v !== 'object' || Array.isArray(v)) return sortedDeep(v);
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, child] of fields) if (name in src) out[name] = ordered(src[name], child);
  for (const k of Object.keys(src).sort(byteOrder)) if (!(k in out)) out[k] = sortedDeep(src[k]);
  return out;
}

/** `obj` with its fields in its Go type's order, for a JSON printer that keeps insertion order; undefined for a kind not listed */
export function inStructOrder(obj: { kind?: string }): Record<string, unknown> | undefined {
  const kind = obj.kind ?? '';
  return TYPES[kind] ? (ordered(obj, kind) as Record<string, unknown>) : undefined;
}
