import { computeHash, equalIgnoreHash, fnv32a, fnv32aString, safeEncodeString } from './template-hash';
import { spewPodTemplate } from './go-spew';
import { resolveFenceposts, scaledValue } from './rollout-math';

describe('pod-template-hash', () => {
  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-32a of %j is the reference value', (text, want) => {
    expect(fnv32aString(0x811c9dc5, text)).toBe(want);
    expect(fnv32a(0x811c9dc5, Buffer.from(text, 'utf8'))).toBe(want);
  });

  test('UTF-8 is hashed byte by byte', () => {
    expect(fnv32aString(0x811c9dc5, 'ñ€😀')).toBe(fnv32a(0x811c9dc5, Buffer.from('ñ€😀', 'utf8')));
  });

  test('SafeEncodeString maps the decimal digits onto 4-9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

  test('same template, same hash, whatever the key order; a different image or collisionCount changes it', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(reordered)).toBe(h);
    expect(computeHash({ ...template, metadata: { ...template.metadata, creationTimestamp: null } } as never)).toBe(h);
    expect(computeHash({ ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } })).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(h);
    expect(computeHash(template, 0)).not.toBe(h);
  });

  test('the hash is the FNV-32a of spew\'s text of the Go template in decimal, then safe-encoded', () => {
    const want = safeEncodeString(String(fnv32aString(0x811c9dc5, spewPodTemplate(template))));
    expect(computeHash(template)).toBe(want);
  });

  // `kubectl create deployment nginx --image=nginx` as a v1.32 API server stores the template:
  // real clusters name its ReplicaSet nginx-5869d7778c
  const createDeploymentNginx = {
    metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
    spec: {
      containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };

  test('kubectl create deployment nginx --image=nginx hashes to 5869d7778c, as on a real v1.32 cluster', () => {
    expect(computeHash(createDeploymentNginx as never)).toBe('5869d7778c');
  });

  // kubeadm v1.32's CoreDNS Deployment template after the API server's defaulting (and the v1
  // conversion that writes serviceAccount): every kubeadm v1.32 cluster runs coredns-668d6bf9bc-*
  const kubeadmCoreDNS = {
    metadata: { creationTimestamp: null, labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 },
          ],
        },
      },
      containers: [
        {
          args: ['-conf', '/etc/coredns/Corefile'],
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          imagePullPolicy: 'IfNotPresent',
          livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
          name: 'coredns',
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
        },
      ],
      dnsPolicy: 'Default',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-cluster-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'coredns',
      serviceAccountName: 'coredns',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
      ],
      volumes: [{ configMap: { defaultMode: 420, items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
    },
  };

  test("kubeadm's CoreDNS template hashes to 668d6bf9bc; each field of it counts", () => {
    expect(computeHash(kubeadmCoreDNS as never)).toBe('668d6bf9bc');
    const without = JSON.parse(JSON.stringify(kubeadmCoreDNS));
    delete without.spec.serviceAccount;
    expect(computeHash(without)).toBe('5b896595fc');
    const bigger = JSON.parse(JSON.stringify(kubeadmCoreDNS));
    bigger.spec.containers[0].resources.limits.memory = '171Mi';
    expect(computeHash(bigger)).not.toBe('668d6bf9bc');
  });

  test('an absent, null or empty list or map hashes as nil, as the controller reads it back from the API server', () => {
    const h = computeHash(createDeploymentNginx as never);
    const t = JSON.parse(JSON.stringify(createDeploymentNginx));
    t.spec.containers[0].args = [];
    t.spec.containers[0].env = null;
    t.spec.nodeSelector = {};
    t.metadata.annotations = {};
    expect(computeHash(t)).toBe(h);
    t.spec.securityContext = undefined;
    expect(computeHash(t)).not.toBe(h); // a nil pointer is not a pointer to an empty struct
  });

  test('equalIgnoreHash ignores only the pod-template-hash label', () => {
    const withHash = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } };
    expect(equalIgnoreHash(template, withHash)).toBe(true);
    expect(equalIgnoreHash(template, { ...template, metadata: { labels: { app: 'api' } } })).toBe(false);
    // Semantic.DeepEqual of the Go values: an empty map is a nil one
    expect(equalIgnoreHash(template, { ...template, spec: { ...template.spec, nodeSelector: {} } })).toBe(true);
    expect(equalIgnoreHash(template, { ...template, spec: { ...template.spec, hostNetwork: true } })).toBe(false);
  });
});

describe('rolling update budgets', () => {
  test.each([
    // replicas, maxSurge, maxUnavailable → surge, unavailable (ResolveFenceposts)
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    [1, '25%', '25%', 1, 0],
    [5, 0, 0, 0, 1],
    [5, '0%', '10%', 0, 1],
    [10, 2, '50%', 2, 5],
  ])('%i replicas, surge %s, unavailable %s → %i / %i', (replicas, surge, unavailable, wantSurge, wantUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, replicas)).toEqual({ surge: wantSurge, unavailable: wantUnavailable });
  });

  test('percentages round up or down', () => {
    expect(scaledValue('33%', 10, true)).toBe(4);
    expect(scaledValue('33%', 10, false)).toBe(3);
    expect(scaledValue(7, 10, false)).toBe(7);
  });
});
