import { validateObject } from './index';
import { goStringMap, goQuote } from './field';
import { applyDefaults, admitServiceAccount, admitDefaultTolerations } from '../defaults';
import { KubeObject, Pod } from '../types';

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** Defaults the object as the API server would, then validates it; returns `field: detail` lines. */
function check(obj: object, old?: object): string[] {
  const o = clone(obj) as KubeObject;
  applyDefaults(o);
  let prev: KubeObject | undefined;
  if (old) {
    prev = clone(old) as KubeObject;
    applyDefaults(prev);
  }
  return validateObject(o, prev).map((e) => `${e.field}: ${e.detail}`);
}

const pod = (spec: object, metadata: object = { name: 'p', namespace: 'default' }): object => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const deployment = (spec: object, name = 'web'): object => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec });
const service = (spec: object, name = 'web'): object => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });
const template = (labels: object, extra: object = {}): object => ({ metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...extra } });

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('validateObject: valid objects stay valid after defaulting', () => {
  it.each([
    ['Pod', pod({ containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }] }] })],
    ['Deployment', deployment({ replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) })],
    ['Service', service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], type: 'NodePort' })],
    ['headless Service', service({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }, 'db')],
    ['ExternalName Service', service({ type: 'ExternalName', externalName: 'db.example.com.' }, 'ext')],
    ['DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' }, spec: { selector: { matchLabels: { k: 'v' } }, template: template({ k: 'v' }) } }],
    ['ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7c5ddbdf54', namespace: 'default' }, spec: { replicas: 0, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }, template: template({ app: 'web' }) } }],
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }],
    ['ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'dev' }, data: { 'ca.crt': 'x', 'app.properties': 'y' } }],
    ['Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'dev' }, stringData: { password: 'x' } }],
    ['PersistentVolume', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } }],
    ['PersistentVolumeClaim', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '500Mi' } } } }],
    ['StorageClass', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner' }],
    ['Node', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'master', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }],
    ['ClusterRole', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:controller:x' }, rules: [] }],
  ])('%s', (_kind, obj) => {
    expect(check(obj)).toEqual([]);
  });

  it('a pod after ServiceAccount and toleration admission', () => {
    const p = clone(pod({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] })) as Pod;
    applyDefaults(p);
    admitServiceAccount(p, 'x2b4d');
    admitDefaultTolerations(p);
    expect(validateObject(p)).toEqual([]);
  });
});

describe('validateObject: messages', () => {
  it.each([
    [
      'kubectl run Nginx',
      pod({ containers: [{ name: 'Nginx', image: 'nginx' }] }, { name: 'Nginx', namespace: 'default', labels: { run: 'Nginx' } }),
      [`metadata.name: Invalid value: "Nginx": ${SUBDOMAIN_MSG}`, `spec.containers[0].name: Invalid value: "Nginx": ${LABEL_MSG}`],
    ],
    ['bad pod name', pod({ containers: [{ name: 'c', image: 'nginx' }] }, { name: 'Bad_Name', namespace: 'default' }), [`metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}`]],
    ['missing name', pod({ containers: [{ name: 'c', image: 'nginx' }] }, { namespace: 'default' }), ['metadata.name: Required value: name or generateName is required']],
    ['no containers', pod({}), ['spec.containers: Required value']],
    ['no image', pod({ containers: [{ name: 'c' }] }), ['spec.containers[0].image: Required value']],
    ['bad container name', pod({ containers: [{ name: 'My_App', image: 'nginx' }] }), [`spec.containers[0].name: Invalid value: "My_App": ${LABEL_MSG}`]],
    ['duplicate container', pod({ containers: [{ name: 'c', image: 'a' }, { name: 'c', image: 'b' }] }), ['spec.containers[1].name: Duplicate value: "c"']],
    ['port out of range', pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 70000 }] }] }), ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    [
      'duplicate port names',
      pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }] }),
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    ['bad protocol', pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] }), ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['missing volume', pod({ containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    [
      'duplicate volume',
      pod({ containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }),
      ['spec.volumes[1].name: Duplicate value: "v"'],
    ],
    ['restart policy', pod({ containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Sometimes' }), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['env name', pod({ containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A=B', value: 'x' }] }] }), ['spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']],
    [
      'requests over limits',
      pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }),
      ['spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    ['unknown resource', pod({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpus: '1' } } }] }), [
      // requests default to limits, so both are reported
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
    ]],
    [
      'bad label value',
      pod({ containers: [{ name: 'c', image: 'nginx' }] }, { name: 'p', namespace: 'default', labels: { app: 'my app' } }),
      [
        "metadata.labels: Invalid value: \"my app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    [
      'selector mismatch',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'x' }) }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    ],
    [
      'missing selector',
      deployment({ template: template({ app: 'x' }) }),
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    ],
    [
      'template restart policy',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, { restartPolicy: 'Never' }) }),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    ['negative replicas', deployment({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'recreate with rollingUpdate',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    ['service name', service({ ports: [{ port: 80 }] }, '1web'), [`metadata.name: Invalid value: "1web": ${DNS1035_MSG}`]],
    ['namespace name', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } }, [`metadata.name: Invalid value: "my.ns": ${LABEL_MSG}`]],
    [
      'duplicate service ports',
      service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ['unnamed ports', service({ ports: [{ port: 80 }, { port: 443 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['service port range', service({ ports: [{ port: 0, targetPort: 80 }] }), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['service type', service({ type: 'Public', ports: [{ port: 80 }] }), ['spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['pvc without storage', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'] } }, ['spec.resources[storage]: Required value']],
    ['pvc without modes', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { resources: { requests: { storage: '1Gi' } } } }, ['spec.accessModes: Required value: at least 1 access mode is required']],
    [
      'configmap key',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { 'a b': 'x' } },
      ["data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
    ],
    [
      'tolerations',
      pod({ containers: [{ name: 'c', image: 'nginx' }], tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedul' }, { operator: 'Equal' }, { key: 'a', effect: 'NoSchedule', tolerationSeconds: 10 }] }),
      [
        'spec.tolerations[0].effect: Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
        'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      ],
    ],
    [
      'node taints',
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, { key: 'b' }] } },
      [
        'spec.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"x", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
        'spec.taints[2].effect: Required value',
      ],
    ],
    ['empty env name', pod({ containers: [{ name: 'c', image: 'nginx', env: [{ value: 'x' }] }] }), ['spec.containers[0].env[0].name: Required value', 'spec.containers[0].env[0].name: Invalid value: "": environment variable name must be non-empty']],
    [
      'node affinity',
      pod({
        containers: [{ name: 'c', image: 'nginx' }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator: 'in', values: ['ssd'] }, { key: 'zone', operator: 'In' }] }] },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }],
          },
        },
      }),
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      ],
    ],
    [
      'pod anti-affinity without topology key',
      pod({ containers: [{ name: 'c', image: 'nginx' }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } } }] } } }),
      [
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
        "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      'daemonset without selector',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'default' }, spec: { template: template({ app: 'x' }) } },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    ],
  ])('%s', (_name, obj, expected) => {
    expect(check(obj)).toEqual(expected);
  });
});

describe('validateObject: updates', () => {
  const d = deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) });

  it('refuses to change a Deployment selector', () => {
    const changed = deployment({ selector: { matchLabels: { app: 'web2' } }, template: template({ app: 'web2' }) });
    expect(check(changed, d)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('allows scaling a Deployment', () => {
    expect(check(deployment({ replicas: 5, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }), d)).toEqual([]);
  });

  it('allows a pod image change but not a port change', () => {
    const before = pod({ containers: [{ name: 'c', image: 'nginx:1.26', ports: [{ containerPort: 80 }] }] });
    expect(check(pod({ containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }), before)).toEqual([]);
    expect(check(pod({ containers: [{ name: 'c', image: 'nginx:1.26', ports: [{ containerPort: 8080 }] }] }), before)).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);
  });

  it('refuses changes to an immutable ConfigMap and Secret', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { a: '1' }, immutable: true };
    expect(check({ ...cm, data: { a: '2' } }, cm)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(check({ ...cm, immutable: false }, cm)).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    const s = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { a: 'eA==' }, immutable: true };
    expect(check({ ...s, data: { a: 'eQ==' } }, s)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('lets the binder set a claim\'s volumeName once', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const bound = { ...pvc, spec: { ...pvc.spec, volumeName: 'pv1' }, status: { phase: 'Bound' } };
    expect(check(bound, pvc)).toEqual([]);
    expect(check({ ...bound, spec: { ...bound.spec, volumeName: 'pv2' } }, bound)).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests for bound claims',
    ]);
  });

  it('refuses a bound claim\'s spec change but allows it to grow', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'pv1' }, status: { phase: 'Bound' } };
    expect(check({ ...pvc, spec: { ...pvc.spec, resources: { requests: { storage: '2Gi' } } } }, pvc)).toEqual([]);
    expect(check({ ...pvc, spec: { ...pvc.spec, accessModes: ['ReadWriteMany'] } }, pvc)).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests for bound claims',
    ]);
  });
});

describe('Go formatting helpers', () => {
  it.each([
    [{ app: 'x' }, 'map[string]string{"app":"x"}'],
    [{ b: '2', a: '1' }, 'map[string]string{"a":"1", "b":"2"}'],
    [{}, 'map[string]string{}'],
    [undefined, 'map[string]string(nil)'],
  ])('%j', (m, s) => expect(goStringMap(m)).toBe(s));

  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\x01é"');
  });
});
