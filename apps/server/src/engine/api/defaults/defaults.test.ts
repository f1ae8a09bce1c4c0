import { applyDefaults, admitDefaultTolerations, admitPod, admitServiceAccount, imageTag, missingPriorityClass, missingServiceAccount, qosClass } from './index';
import { Random, seedRandom } from '../../random';
import { encodeBase64 } from './base64';
import { KubeObject, Pod } from '../types';

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));

function defaulted(obj: object): any {
  const o = clone(obj) as KubeObject;
  applyDefaults(o);
  return o;
}

describe('applyDefaults', () => {
  it('defaults a `kubectl run nginx --image=nginx` pod and admits it like a kubeadm API server', () => {
    // kubectl.1.32 run nginx --image=nginx --dry-run=client -o json (client half)
    const pod = defaulted({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'nginx', creationTimestamp: null, labels: { run: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
      status: {},
    }) as Pod;
    admitServiceAccount(pod, 'abcde');
    admitDefaultTolerations(pod);
    expect(pod).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'nginx', creationTimestamp: null, labels: { run: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            imagePullPolicy: 'Always',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: 'kube-api-access-abcde',
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
              ],
            },
          },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it('defaults a `kubectl create deployment web --image=nginx:1.27 --replicas=3` Deployment', () => {
    // kubectl.1.32 create deployment web --image=nginx:1.27 --replicas=3 --dry-run=client -o json
    const d = defaulted({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    });
    expect(d.spec).toEqual({
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('defaults a `kubectl create service nodeport web --tcp=80:8080` Service (no allocation)', () => {
    const s = defaulted({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'web' }, type: 'NodePort' },
      status: { loadBalancer: {} },
    });
    expect(s.spec).toEqual({
      ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
      selector: { app: 'web' },
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
  });

  // kubectl.1.32 create ... --dry-run=client -o json, then what the server adds (allocation aside)
  it.each([
    [
      'namespace dev',
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null }, spec: {}, status: {} },
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null, labels: { 'kubernetes.io/metadata.name': 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    ],
    [
      'serviceaccount robot',
      { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'robot', creationTimestamp: null } },
      { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'robot', creationTimestamp: null } },
    ],
    [
      'configmap cfg --from-literal=a=b',
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg', creationTimestamp: null }, data: { a: 'b' } },
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg', creationTimestamp: null }, data: { a: 'b' } },
    ],
    [
      'secret generic s --from-literal=password=x',
      { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's', creationTimestamp: null }, data: { password: 'eA==' } },
      { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's', creationTimestamp: null }, data: { password: 'eA==' }, type: 'Opaque' },
    ],
    [
      'service loadbalancer lb --tcp=80',
      {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: 'lb', creationTimestamp: null, labels: { app: 'lb' } },
        spec: { ports: [{ name: '80', protocol: 'TCP', port: 80, targetPort: 80 }], selector: { app: 'lb' }, type: 'LoadBalancer' },
        status: { loadBalancer: {} },
      },
      {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: 'lb', creationTimestamp: null, labels: { app: 'lb' } },
        spec: {
          allocateLoadBalancerNodePorts: true,
          externalTrafficPolicy: 'Cluster',
          internalTrafficPolicy: 'Cluster',
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          ports: [{ name: '80', protocol: 'TCP', port: 80, targetPort: 80 }],
          selector: { app: 'lb' },
          sessionAffinity: 'None',
          type: 'LoadBalancer',
        },
        status: { loadBalancer: {} },
      },
    ],
  ])('kubectl create %s', (_cmd, client, server) => {
    expect(defaulted(client)).toEqual(server);
  });

  it.each([
    ['ClusterIP', {}, { type: 'ClusterIP', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack' }],
    ['LoadBalancer', { type: 'LoadBalancer' }, { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' }],
    ['headless without selector', { clusterIP: 'None' }, { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] }],
    ['ClientIP affinity', { sessionAffinity: 'ClientIP' }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
  ])('Service %s', (_name, spec, expected) => {
    const s = defaulted({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ...spec, ports: [{ port: 80 }] } });
    expect(s.spec).toMatchObject(expected);
    expect(s.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  });

  it('leaves an ExternalName Service without IP families or internal policy', () => {
    const s = defaulted({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'x.example.com' } });
    expect(s.spec).toEqual({ type: 'ExternalName', externalName: 'x.example.com', sessionAffinity: 'None' });
  });

  it('defaults ReplicaSet, DaemonSet, PV, PVC, StorageClass and Namespace', () => {
    const tmpl = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };
    expect(defaulted({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {}, spec: { template: tmpl } }).spec.replicas).toBe(1);
    const ds = defaulted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {}, spec: { template: tmpl } });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.template.metadata.creationTimestamp).toBeNull();
    const pv = defaulted({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { hostPath: { path: '/data' } } });
    expect(pv.spec).toEqual({ hostPath: { path: '/data', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(pv.status).toEqual({ phase: 'Pending' });
    const pvc = defaulted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: {} });
    expect(pvc.spec.volumeMode).toBe('Filesystem');
    const sc = defaulted({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sc' }, provisioner: 'x' });
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
    const ns = defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it("writes a template's serviceAccount from serviceAccountName, and reads it when the name is missing (the v1 conversion)", () => {
    const deployment = (spec: object) =>
      defaulted({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], ...spec } } } }).spec
        .template.spec;
    const pick = (s: any) => [s.serviceAccountName, s.serviceAccount];
    expect(pick(deployment({ serviceAccountName: 'robot' }))).toEqual(['robot', 'robot']);
    expect(pick(deployment({ serviceAccount: 'legacy' }))).toEqual(['legacy', 'legacy']);
    expect(pick(deployment({ serviceAccountName: 'robot', serviceAccount: 'legacy' }))).toEqual(['robot', 'robot']);
    const none = deployment({ serviceAccount: '' });
    expect(['serviceAccountName' in none, 'serviceAccount' in none]).toEqual([false, false]);
  });

  it('merges a Secret\'s stringData into base64 data and types it Opaque', () => {
    const s = defaulted({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==', b: 'eQ==' }, stringData: { b: 'ñ', c: 'hello' } });
    expect(s).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { a: 'eA==', b: 'w7E=', c: 'aGVsbG8=' } });
  });

  it('defaults probes, ports, env field refs and volume sources', () => {
    const pod = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx@sha256:abc',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
            resources: { limits: { cpu: '500m', memory: '128Mi' } },
          },
        ],
        volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }, { name: 'c', secret: { secretName: 's' } }, { name: 'd', hostPath: { path: '/x' } }],
      },
    });
    const c = pod.spec.containers[0];
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    expect(c.resources.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(pod.status.qosClass).toBe('Guaranteed');
    expect(pod.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'd', hostPath: { path: '/x', type: '' } },
    ]);
  });
});

describe('priority', () => {
  it.each([
    [undefined, 0],
    ['system-node-critical', 2000001000],
    ['system-cluster-critical', 2000000000],
    ['high', undefined],
  ])('class %s → %s', (cls, priority) => {
    const pod = defaulted({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { priorityClassName: cls, containers: [] } });
    expect(pod.spec.priority).toBe(priority);
    expect(pod.spec.preemptionPolicy).toBe('PreemptLowerPriority');
  });
});

describe('quantities', () => {
  it('are stored in canonical form, requests copied from limits included', () => {
    const pod = defaulted({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: 0.5, memory: '1024Mi' } } }] } });
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    const pvc = defaulted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: { requests: { storage: 1073741824 } } } });
    expect(pvc.spec.resources.requests.storage).toBe('1073741824');
  });
});

describe('imageTag', () => {
  it.each([
    ['nginx', 'latest'],
    ['nginx:latest', 'latest'],
    ['nginx:1.27', '1.27'],
    ['localhost:5000/app', 'latest'],
    ['localhost:5000/app:v2', 'v2'],
    ['nginx@sha256:abc', ''],
    ['nginx:1.27@sha256:abc', '1.27'],
  ])('%s → %s', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('qosClass', () => {
  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1' } }, 'Burstable'],
  ])('%j → %s', (resources, expected) => {
    expect(qosClass({ containers: [{ name: 'c', resources }] })).toBe(expected);
  });
});

describe('admission', () => {
  it('respects automountServiceAccountToken: false and an explicit service account', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { serviceAccountName: 'robot', automountServiceAccountToken: false, containers: [{ name: 'c' }] } } as Pod;
    admitServiceAccount(pod, 'xxxxx');
    expect(pod.spec).toEqual({ serviceAccountName: 'robot', serviceAccount: 'robot', automountServiceAccountToken: false, containers: [{ name: 'c' }] });
  });

  it('leaves mirror pods alone and keeps tolerations a pod already has', () => {
    const mirror = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd-master', annotations: { 'kubernetes.io/config.mirror': 'x' } }, spec: { containers: [{ name: 'etcd' }] } } as Pod;
    admitServiceAccount(mirror, 'xxxxx');
    expect(mirror.spec.volumes).toBeUndefined();
    const tolerant = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], tolerations: [{ operator: 'Exists' }] } } as unknown as Pod;
    admitDefaultTolerations(tolerant);
    expect(tolerant.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });
});

describe('admitPod', () => {
  it('names the token volume from the seeded random source, deterministically', () => {
    const make = (): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } }) as Pod;
    const a = make();
    const b = make();
    admitPod(a, new Random(seedRandom(7)));
    admitPod(b, new Random(seedRandom(7)));
    expect(a).toEqual(b);
    expect(a.spec.volumes![0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a.spec.tolerations).toHaveLength(2);
  });
});

describe('what every pod shares', () => {
  // stored objects are never changed in place, so the parts most pods have alike are one frozen
  // object for all of them (a fifth of a started pod's heap); a pod with its own gets its own
  const make = (spec: Partial<Pod['spec']> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } }) as Pod;
  const admitted = (pod: Pod): Pod => {
    applyDefaults(pod);
    admitPod(pod, new Random(seedRandom(1)));
    return pod;
  };

  it('one frozen default tolerations list, empty securityContext and empty resources', () => {
    const [a, b] = [admitted(make()), admitted(make())];
    expect(a.spec.tolerations).toBe(b.spec.tolerations);
    expect(a.spec.securityContext).toBe(b.spec.securityContext);
    expect(a.spec.containers[0].resources).toBe(b.spec.containers[0].resources);
    for (const part of [a.spec.tolerations, a.spec.securityContext, a.spec.containers[0].resources]) expect(Object.isFrozen(part)).toBe(true);
    expect(a.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it("a pod's own tolerations and resources stay its own, the defaults added to a new list", () => {
    const own = { key: 'gpu', operator: 'Exists' as const };
    const pod = make({ tolerations: [own], containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }] });
    const theirs = pod.spec.tolerations;
    admitted(pod);
    expect(pod.spec.tolerations).not.toBe(theirs);
    expect(pod.spec.tolerations!.map((t) => t.key)).toEqual(['gpu', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(Object.isFrozen(pod.spec.tolerations)).toBe(false);
    expect(Object.isFrozen(pod.spec.containers[0].resources)).toBe(false);
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
  });
});

describe('admission refusals', () => {
  it('word them as the plugins do', () => {
    expect(missingServiceAccount('dev', 'robot')).toBe('error looking up service account dev/robot: serviceaccount "robot" not found');
    expect(missingPriorityClass('high')).toBe('no PriorityClass with name high was found');
  });
});

describe('encodeBase64', () => {
  it.each([['', ''], ['a', 'YQ=='], ['ab', 'YWI='], ['abc', 'YWJj'], ['password123', 'cGFzc3dvcmQxMjM=']])('%j', (s, b) => expect(encodeBase64(s)).toBe(b));
});

describe('RBAC bindings', () => {
  it('default roleRef.apiGroup and the subjects\' groups as SetDefaults_RoleBinding and SetDefaults_Subject do', () => {
    for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
      const b = defaulted({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind,
        metadata: { name: 'b' },
        roleRef: { kind: 'ClusterRole', name: 'view' },
        subjects: [
          { kind: 'User', name: 'jane' },
          { kind: 'Group', name: 'devs', apiGroup: '' },
          // a ServiceAccount's group is "": `apiGroup,omitempty` leaves it out of what is returned
          { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
          { kind: 'ServiceAccount', name: 'bot', namespace: 'default', apiGroup: '' },
        ],
      });
      expect({ roleRef: b.roleRef, subjects: b.subjects }).toEqual({
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [
          { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
          { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
          { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
          { kind: 'ServiceAccount', name: 'bot', namespace: 'default' },
        ],
      });
    }
  });
});
