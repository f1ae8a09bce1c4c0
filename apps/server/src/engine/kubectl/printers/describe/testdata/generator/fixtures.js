/* eslint-disable */ // a Node dev tool that regenerates the goldens, not engine code
// Builds fixture.json: cluster objects with timestamps relative to `base` (now, whole seconds).
const fs = require('fs');
const base = Math.floor(Date.now() / 1000) * 1000;
const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;
const t = (ago) => new Date(base - ago).toISOString().replace(/\.\d+Z$/, 'Z');

const meta = (name, ns, extra = {}) => ({ name, ...(ns ? { namespace: ns } : {}), uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: t(extra.age ?? 2 * D), ...extra, age: undefined });
let evn = 0;
function ev(obj, type, reason, message, first, last = first, count = 1, component = 'kubelet', fieldPath) {
  evn++;
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${String(evn).padStart(16, '0')}`, namespace: obj.metadata.namespace || 'default', uid: `ev-${evn}`, resourceVersion: '1', creationTimestamp: t(first) },
    involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, ...(fieldPath ? { fieldPath } : {}) },
    reason, message, source: { component }, firstTimestamp: t(first), lastTimestamp: t(last), count, type, eventTime: null, reportingComponent: component, reportingInstance: '',
  };
}
const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
const apiAccess = (suffix) => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  },
});
const apiMount = (suffix) => ({ name: `kube-api-access-${suffix}`, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true });
const podConditions = (ready, at) => [
  { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: t(at) },
  { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t(at) },
  { type: 'Ready', status: ready, lastProbeTime: null, lastTransitionTime: t(at) },
  { type: 'ContainersReady', status: ready, lastProbeTime: null, lastTransitionTime: t(at) },
  { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t(at) },
];

const objects = [];
const events = [];

// ---- nodes
const nodeInfo = (name) => ({ machineID: `machine-${name}`, systemUUID: `uuid-${name}`, bootID: `boot-${name}`, kernelVersion: '5.15.0-105-generic', osImage: 'Ubuntu 22.04.4 LTS', containerRuntimeVersion: 'containerd://1.7.12', kubeletVersion: 'v1.32.5', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' });
const nodeConds = (at) => [
  { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t(40 * S + 30 * M), lastTransitionTime: t(at), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', lastHeartbeatTime: t(40 * S + 30 * M), lastTransitionTime: t(at), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', lastHeartbeatTime: t(40 * S + 30 * M), lastTransitionTime: t(at), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', lastHeartbeatTime: t(40 * S + 30 * M), lastTransitionTime: t(at - 70 * S), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];
const res = { cpu: '2', 'ephemeral-storage': '20134592Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4010012Ki', pods: '110' };
const master = {
  apiVersion: 'v1', kind: 'Node',
  metadata: meta('master', undefined, {
    age: 10 * D,
    labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'master', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
    annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
  }),
  spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  status: { capacity: res, allocatable: { ...res, 'ephemeral-storage': '18556039957', memory: '3907612Ki' }, conditions: nodeConds(10 * D), addresses: [{ type: 'InternalIP', address: '192.168.56.10' }, { type: 'Hostname', address: 'master' }], nodeInfo: nodeInfo('master') },
};
const node1 = {
  apiVersion: 'v1', kind: 'Node',
  metadata: meta('node1', undefined, {
    age: 10 * D,
    labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'node1', 'kubernetes.io/os': 'linux' },
    annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
  }),
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
  status: { capacity: res, allocatable: { ...res, 'ephemeral-storage': '18556039957', memory: '3907612Ki' }, conditions: nodeConds(10 * D), addresses: [{ type: 'InternalIP', address: '192.168.56.11' }, { type: 'Hostname', address: 'node1' }], nodeInfo: nodeInfo('node1') },
};
objects.push(master, node1);
objects.push({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('node1', 'kube-node-lease'), spec: { holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: new Date(base - 12 * M).toISOString().replace('Z', '000Z').replace(/\.(\d{3})000Z/, '.$1000Z') } });
events.push(ev(node1, 'Normal', 'Starting', 'Starting kubelet.', 10 * D, 10 * D, 1, 'kubelet'));
events.push(ev(node1, 'Normal', 'NodeReady', 'Node node1 status is now: NodeReady', 10 * D - 70 * S, 10 * D - 70 * S, 1, 'kubelet'));
// kubelet events use the node name as uid
events[events.length - 1].involvedObject.uid = 'node1';
events[events.length - 2].involvedObject.uid = 'node1';
events.push(ev(node1, 'Normal', 'RegisteredNode', 'Node node1 event: Registered Node node1 in Controller', 10 * D - 20 * S, 10 * D - 20 * S, 1, 'node-controller'));

// ---- deployment nginx with rs and pods
const tmplLabels = { app: 'nginx' };
const dep = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: meta('nginx', 'default', { age: 3 * H + 20 * M, generation: 2, labels: { app: 'nginx' }, annotations: { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}\n' } }),
  spec: {
    replicas: 3, selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: tmplLabels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
  },
  status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: [
    { type: 'Available', status: 'True', lastUpdateTime: t(3 * H), lastTransitionTime: t(3 * H), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    { type: 'Progressing', status: 'True', lastUpdateTime: t(20 * M), lastTransitionTime: t(3 * H), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "nginx-6d4cf56db6" has successfully progressed.' },
  ] },
};
objects.push(dep);
const owner = (o) => [{ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true }];
const rsNew = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: meta('nginx-6d4cf56db6', 'default', { age: 25 * M, generation: 1, labels: { app: 'nginx', 'pod-template-hash': '6d4cf56db6' }, annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '2' }, ownerReferences: owner(dep) }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '6d4cf56db6' } }, template: { metadata: { labels: { app: 'nginx', 'pod-template-hash': '6d4cf56db6' } }, spec: dep.spec.template.spec } },
  status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
};
const rsOld = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: meta('nginx-7c5ddbdf54', 'default', { age: 3 * H + 20 * M, generation: 3, labels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' }, annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' }, ownerReferences: owner(dep) }),
  spec: { replicas: 0, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' } }, template: { metadata: { labels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' } }, spec: { ...dep.spec.template.spec, containers: [{ ...dep.spec.template.spec.containers[0], image: 'nginx:1.26' }] } } },
  status: { replicas: 0, observedGeneration: 3 },
};
objects.push(rsNew, rsOld);
events.push(ev(dep, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set nginx-7c5ddbdf54 to 3', 3 * H + 20 * M, 3 * H + 20 * M, 1, 'deployment-controller'));
events.push(ev(dep, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set nginx-6d4cf56db6 to 1', 25 * M, 25 * M, 1, 'deployment-controller'));
events.push(ev(dep, 'Normal', 'ScalingReplicaSet', 'Scaled down replica set nginx-7c5ddbdf54 to 2 from 3', 24 * M + 30 * S, 24 * M + 30 * S, 1, 'deployment-controller'));
events.push(ev(rsNew, 'Normal', 'SuccessfulCreate', 'Created pod: nginx-6d4cf56db6-abcde', 25 * M, 25 * M, 1, 'replicaset-controller'));

const podNames = ['nginx-6d4cf56db6-abcde', 'nginx-6d4cf56db6-fghij', 'nginx-6d4cf56db6-klmno'];
podNames.forEach((pn, i) => {
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: meta(pn, 'default', { age: 25 * M - i * 20 * S, labels: { app: 'nginx', 'pod-template-hash': '6d4cf56db6' }, ownerReferences: owner(rsNew) }),
    spec: { ...dep.spec.template.spec, volumes: [apiAccess('x7tz' + i)], containers: [{ ...dep.spec.template.spec.containers[0], volumeMounts: [apiMount('x7tz' + i)] }], serviceAccountName: 'default', serviceAccount: 'default', nodeName: i === 2 ? 'master' : 'node1', enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority', priority: 0, tolerations },
    status: {
      phase: 'Running', conditions: podConditions('True', 25 * M - 5 * S), hostIP: i === 2 ? '192.168.56.10' : '192.168.56.11', hostIPs: [{ ip: i === 2 ? '192.168.56.10' : '192.168.56.11' }], podIP: `10.244.1.${5 + i}`, podIPs: [{ ip: `10.244.1.${5 + i}` }], startTime: t(25 * M - i * 20 * S),
      containerStatuses: [{ name: 'nginx', state: { running: { startedAt: t(25 * M - 4 * S) } }, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:447a8665cc1d', containerID: `containerd://3f1c0e6a9b2d${i}`, started: true }],
      qosClass: 'BestEffort',
    },
  };
  objects.push(pod);
  if (i === 0) {
    events.push(ev(pod, 'Normal', 'Scheduled', `Successfully assigned default/${pn} to node1`, 25 * M, 25 * M, 1, 'default-scheduler'));
    events.push(ev(pod, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', 25 * M - 1 * S, 25 * M - 1 * S, 1, 'kubelet', 'spec.containers{nginx}'));
    events.push(ev(pod, 'Normal', 'Pulled', 'Successfully pulled image "nginx:1.27" in 2.9s (2.9s including waiting). Image size: 72950530 bytes.', 25 * M - 4 * S, 25 * M - 4 * S, 1, 'kubelet', 'spec.containers{nginx}'));
    events.push(ev(pod, 'Normal', 'Created', 'Created container: nginx', 25 * M - 4 * S, 25 * M - 4 * S, 1, 'kubelet', 'spec.containers{nginx}'));
    events.push(ev(pod, 'Normal', 'Started', 'Started container nginx', 25 * M - 4 * S, 25 * M - 4 * S, 1, 'kubelet', 'spec.containers{nginx}'));
  }
});

// ---- a complex pod
const web = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('web', 'shop', { age: 50 * M, labels: { tier: 'front', app: 'web' }, annotations: { 'example.com/note': 'hello', 'example.com/long': 'x'.repeat(150), 'example.com/multi': 'line one\nline two\n' } }),
  spec: {
    initContainers: [{ name: 'init-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nslookup db; do sleep 2; done'], resources: {}, imagePullPolicy: 'IfNotPresent', volumeMounts: [apiMount('q8xwz')] }],
    containers: [
      {
        name: 'app', image: 'example/web:2.1', command: ['/app/server'], args: ['--port=8080', '--verbose'],
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'MULTI', value: 'a\nb' },
          { name: 'DB_HOST', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'db_host' } } },
          { name: 'DB_PASS', valueFrom: { secretKeyRef: { name: 'web-secret', key: 'password', optional: true } } },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } } },
          { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'requests.memory', divisor: '1Mi' } } },
        ],
        envFrom: [{ configMapRef: { name: 'web-config' } }, { prefix: 'S_', secretRef: { name: 'web-secret', optional: false } }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 30 },
        volumeMounts: [
          { name: 'data', mountPath: '/data' },
          { name: 'cfg', mountPath: '/etc/web', readOnly: true },
          { name: 'cache', mountPath: '/cache', subPath: 'web' },
          apiMount('q8xwz'),
        ],
        imagePullPolicy: 'Always',
      },
      { name: 'sidecar', image: 'busybox:1.36', args: ['sleep', '3600'], resources: {}, imagePullPolicy: 'IfNotPresent', volumeMounts: [apiMount('q8xwz')] },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
      { name: 'cfg', configMap: { name: 'web-config', defaultMode: 420 } },
      { name: 'sec', secret: { secretName: 'web-secret', defaultMode: 420, optional: true } },
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'scratch', emptyDir: { medium: 'Memory' } },
      { name: 'logs', hostPath: { path: '/var/log/web', type: 'DirectoryOrCreate' } },
      { name: 'host', hostPath: { path: '/srv' } },
      { name: 'proj', projected: { sources: [{ secret: { name: 'web-secret' } }, { configMap: { name: 'web-config' } }] } },
      { name: 'podinfo', downwardAPI: { items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } }] } },
      apiAccess('q8xwz'),
    ],
    nodeSelector: { disktype: 'ssd', 'kubernetes.io/os': 'linux' },
    tolerations: [...tolerations, { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }, { operator: 'Exists' }],
    serviceAccountName: 'web-sa', nodeName: 'node1', priority: 1000, priorityClassName: 'high', restartPolicy: 'Always',
  },
  status: {
    phase: 'Running', conditions: podConditions('False', 40 * M), hostIP: '192.168.56.11', hostIPs: [{ ip: '192.168.56.11' }], podIP: '10.244.1.20', podIPs: [{ ip: '10.244.1.20' }], startTime: t(50 * M),
    initContainerStatuses: [{ name: 'init-db', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t(49 * M), finishedAt: t(48 * M + 30 * S), containerID: 'containerd://aaa' } }, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:bbb', containerID: 'containerd://aaa', started: false }],
    containerStatuses: [
      { name: 'app', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'boom', startedAt: t(12 * M), finishedAt: t(11 * M + 50 * S), containerID: 'containerd://ccc' } }, ready: false, restartCount: 7, image: 'docker.io/example/web:2.1', imageID: 'docker.io/example/web@sha256:ddd', containerID: 'containerd://ccc', started: false },
      { name: 'sidecar', state: { running: { startedAt: t(48 * M) } }, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:bbb', containerID: 'containerd://eee', started: true },
    ],
    qosClass: 'Burstable',
  },
};
objects.push(web);
events.push(ev(web, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_shop(uid-web)', 45 * M, 11 * M, 42, 'kubelet', 'spec.containers{app}'));
events.push(ev(web, 'Normal', 'Pulled', 'Container image "example/web:2.1" already present on machine', 48 * M, 12 * M, 8, 'kubelet', 'spec.containers{app}'));

// ---- pending pod, unscheduled, no ips
const pend = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('pending', 'default', { age: 15 * M + 30 * S, labels: { run: 'pending' } }),
  spec: { containers: [{ name: 'pending', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP', hostPort: 8080 }], resources: { requests: { cpu: '64' } } }], nodeSelector: { gpu: 'true' }, tolerations, serviceAccountName: 'default', priority: 0 },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: t(15 * M), reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }], qosClass: 'Burstable' },
};
objects.push(pend);
events.push(ev(pend, 'Warning', 'FailedScheduling', '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.', 15 * M + 30 * S, 15 * M + 30 * S, 1, 'default-scheduler'));

// ---- terminating pod
const term = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('dying', 'default', { age: 20 * M, deletionTimestamp: t(-25 * S), deletionGracePeriodSeconds: 30 }),
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }], nodeName: 'node1', serviceAccountName: 'default' },
  status: { phase: 'Running', hostIP: '192.168.56.11', podIP: '10.244.1.30', podIPs: [{ ip: '10.244.1.30' }], startTime: t(20 * M), containerStatuses: [{ name: 'c', state: { running: { startedAt: t(19 * M) } }, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/busybox:latest', imageID: 'docker.io/library/busybox@sha256:fff', containerID: 'containerd://ggg', started: true }], qosClass: 'BestEffort' },
};
objects.push(term);

// ---- daemonset
const ds = {
  apiVersion: 'apps/v1', kind: 'DaemonSet',
  metadata: meta('kube-proxy', 'kube-system', { age: 10 * D, generation: 1, labels: { 'k8s-app': 'kube-proxy' }, annotations: { 'deprecated.daemonset.template.generation': '1' } }),
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    template: { metadata: { labels: { 'k8s-app': 'kube-proxy' } }, spec: {
      containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.5', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }], volumeMounts: [{ name: 'kube-proxy', mountPath: '/var/lib/kube-proxy' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }, { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true }], securityContext: { privileged: true } }],
      volumes: [{ name: 'kube-proxy', configMap: { name: 'kube-proxy', defaultMode: 420 } }, { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } }, { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } }],
      serviceAccountName: 'kube-proxy', priorityClassName: 'system-node-critical', nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }], hostNetwork: true,
    } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
  },
  status: { currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3 },
};
objects.push(ds);
['master', 'node1'].forEach((n, i) => objects.push({
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta(`kube-proxy-${['7xq2b', 'm9d4k'][i]}`, 'kube-system', { age: 10 * D, labels: { 'k8s-app': 'kube-proxy', 'controller-revision-hash': '5b6c8d7f9' }, ownerReferences: owner(ds) }),
  spec: { ...ds.spec.template.spec, nodeName: n },
  status: { phase: 'Running', hostIP: '192.168.56.1' + i, podIP: '192.168.56.1' + i, podIPs: [{ ip: '192.168.56.1' + i }], startTime: t(10 * D), qosClass: 'BestEffort' },
}));
// a pod with requests on node1 for the node table
objects.push({
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('coredns-7db6d8ff4d-p2x9q', 'kube-system', { age: 10 * D, labels: { 'k8s-app': 'kube-dns' } }),
  spec: { containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } } }], nodeName: 'node1' },
  status: { phase: 'Running', hostIP: '192.168.56.11', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], startTime: t(10 * D), qosClass: 'Burstable' },
});
objects.push({
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('done', 'default', { age: 1 * D }),
  spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '1' } } }], nodeName: 'node1' },
  status: { phase: 'Succeeded', qosClass: 'Burstable' },
});

// ---- services
const svc = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('nginx', 'default', { age: 3 * H, labels: { app: 'nginx' } }),
  spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 31380 }], clusterIP: '10.103.47.211', clusterIPs: ['10.103.47.211'], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
  status: { loadBalancer: {} },
};
const svc2 = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('api', 'default', { age: 3 * H, annotations: { 'example.com/owner': 'team-a' } }),
  spec: { type: 'ClusterIP', selector: { app: 'api', tier: 'back' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }, { name: 'grpc', protocol: 'TCP', port: 9000, targetPort: 9000 }], clusterIP: '10.96.100.5', clusterIPs: ['10.96.100.5'], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
  status: { loadBalancer: {} },
};
const svc3 = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('lb', 'default', { age: 3 * H }),
  spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ protocol: 'TCP', port: 443, targetPort: 8443, nodePort: 30443 }], clusterIP: '10.96.7.7', clusterIPs: ['10.96.7.7'], externalIPs: ['1.2.3.4'], sessionAffinity: 'ClientIP', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', allocateLoadBalancerNodePorts: true },
  status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } },
};
const ext = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('ext', 'default', { age: 3 * H }),
  spec: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' },
  status: { loadBalancer: {} },
};
objects.push(svc, svc2, svc3, ext);
events.push(ev(svc3, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', 3 * H, 3 * H, 1, 'service-controller'));
const eps = (svcObj, name, ports, addrs) => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
  metadata: meta(name, 'default', { age: 3 * H, labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svcObj.metadata.name }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': t(25 * M) }, ownerReferences: owner(svcObj) }),
  addressType: 'IPv4',
  ports,
  endpoints: addrs.map(([ip, ready, node, pod]) => ({ addresses: [ip], conditions: { ready, serving: ready, terminating: false }, nodeName: node, ...(pod ? { targetRef: { kind: 'Pod', namespace: 'default', name: pod, uid: `uid-${pod}` } } : {}) })),
});
objects.push(eps(svc, 'nginx-8x2kq', [{ name: '', port: 80, protocol: 'TCP' }], [['10.244.1.5', true, 'node1', podNames[0]], ['10.244.1.6', true, 'node1', podNames[1]], ['10.244.1.7', true, 'master', podNames[2]]]));
objects.push(eps(svc2, 'api-abcde', [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'grpc', port: 9000, protocol: 'TCP' }], [['10.244.2.1', true, 'node1'], ['10.244.2.2', true, 'node1'], ['10.244.2.3', false, 'node1'], ['10.244.2.4', true, 'node1'], ['10.244.2.5', true, 'node1']]));
objects.push({
  apiVersion: 'v1', kind: 'Endpoints',
  metadata: meta('nginx', 'default', { age: 3 * H, labels: { app: 'nginx' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': t(25 * M) } }),
  subsets: [{ addresses: podNames.map((p, i) => ({ ip: `10.244.1.${5 + i}`, nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: p, uid: `uid-${p}` } })), notReadyAddresses: [{ ip: '10.244.1.9', nodeName: 'node1' }], ports: [{ port: 80, protocol: 'TCP' }] }],
});
objects.push({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('api', 'default', { age: 3 * H }), subsets: [{ addresses: [{ ip: '10.244.2.1' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'grpc', port: 9000, protocol: 'TCP' }] }, { notReadyAddresses: [{ ip: '10.244.2.3' }] }] });
objects.push({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('empty', 'default', { age: 3 * H }) });

// ---- namespace, configmap, secret, sa
objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('shop', undefined, { age: 2 * D, labels: { 'kubernetes.io/metadata.name': 'shop', team: 'a' } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('old', undefined, { age: 2 * D, labels: { 'kubernetes.io/metadata.name': 'old' }, deletionTimestamp: t(5 * M) }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating', conditions: [{ type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: t(5 * M), reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' }, { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: t(5 * M), reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances' }] } });
objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('web-config', 'shop', { age: 2 * D }), data: { db_host: 'db.shop.svc', 'app.properties': 'color=blue\nsize=10\n' } });
objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('bin', 'shop', { age: 2 * D, labels: { a: 'b' } }), binaryData: { 'logo.png': Buffer.from('PNGDATA!').toString('base64') } });
objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: meta('web-secret', 'shop', { age: 2 * D }), type: 'Opaque', data: { password: Buffer.from('s3cr3t').toString('base64') } });
objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: meta('web-sa-token', 'shop', { age: 2 * D, annotations: { 'kubernetes.io/service-account.name': 'web-sa', 'kubernetes.io/service-account.uid': 'uid-web-sa' } }), type: 'kubernetes.io/service-account-token', data: { token: Buffer.from('eyJhbGciOi.token').toString('base64'), 'ca.crt': Buffer.from('-----BEGIN CERT-----').toString('base64'), namespace: Buffer.from('shop').toString('base64') } });
objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('web-sa', 'shop', { age: 2 * D }), secrets: [{ name: 'web-sa-token' }, { name: 'gone' }], imagePullSecrets: [{ name: 'regcred' }] });
objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 'shop', { age: 2 * D }) });

// ---- storage
objects.push({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta('standard', undefined, { age: 2 * D, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
objects.push({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta('fast', undefined, { age: 2 * D }), provisioner: 'kubernetes.io/no-provisioner', parameters: { type: 'ssd', fs: 'ext4' }, allowVolumeExpansion: true, mountOptions: ['debug', 'noatime'], reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' });
const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-data', undefined, { age: 2 * D, labels: { type: 'local' }, finalizers: ['kubernetes.io/pv-protection'], annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } }), spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'manual', volumeMode: 'Filesystem', hostPath: { path: '/mnt/data', type: '' }, claimRef: { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data-pvc', uid: 'uid-data-pvc' } }, status: { phase: 'Bound', lastPhaseTransitionTime: t(2 * D) } };
objects.push(pv);
objects.push({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-free', undefined, { age: 2 * D, finalizers: ['kubernetes.io/pv-protection'] }), spec: { capacity: { storage: '1536Mi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Filesystem', nfs: { server: 'nfs.local', path: '/exports' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node1', 'node2'] }] }] } } }, status: { phase: 'Available' } });
const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data-pvc', 'shop', { age: 2 * D, finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' } }), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, storageClassName: 'manual', volumeMode: 'Filesystem', volumeName: 'pv-data' }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } } };
objects.push(pvc);
const pvc2 = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('wait-pvc', 'shop', { age: 40 * M, finalizers: ['kubernetes.io/pvc-protection'] }), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } };
objects.push(pvc2);
events.push(ev(pvc2, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 40 * M, 12 * M + 30 * S, 162, 'persistentvolume-controller'));

// ---- rbac
objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('pod-reader', 'shop', { age: 2 * D }), rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'watch', 'list'] }, { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get', 'update'] }] });
objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('viewer', undefined, { age: 2 * D, labels: { 'rbac.example.com/aggregate': 'true' } }), rules: [{ apiGroups: ['', 'apps'], resources: ['pods', 'deployments'], verbs: ['get', 'list'] }, { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] }, { apiGroups: ['*'], resources: ['*'], verbs: ['watch'] }] });
objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta('read-pods', 'shop', { age: 2 * D }), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' }, { kind: 'ServiceAccount', name: 'web-sa', namespace: 'shop' }] });
objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta('view-all', undefined, { age: 2 * D }), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'viewer' }, subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' }] });


// ---- more scenarios
const creating = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('creating', 'default', { age: 5 * S, labels: { run: 'creating' } }),
  spec: { containers: [{ name: 'creating', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }], nodeName: 'node1', serviceAccountName: 'default', priority: 0, tolerations },
  status: { phase: 'Pending', conditions: [
    { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: t(4 * S) },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t(5 * S) },
    { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: t(5 * S), reason: 'ContainersNotReady', message: 'containers with unready status: [creating]' },
    { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: t(5 * S), reason: 'ContainersNotReady', message: 'containers with unready status: [creating]' },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t(5 * S) },
  ], hostIP: '192.168.56.11', hostIPs: [{ ip: '192.168.56.11' }], startTime: t(5 * S),
  containerStatuses: [{ name: 'creating', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '', started: false }], qosClass: 'BestEffort' },
};
objects.push(creating);
events.push(ev(creating, 'Normal', 'Scheduled', 'Successfully assigned default/creating to node1', 5 * S, 5 * S, 1, 'default-scheduler'));
events.push(ev(creating, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', 4 * S, 4 * S, 1, 'kubelet', 'spec.containers{creating}'));
const badimg = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('badimg', 'default', { age: 3 * M + 30 * S, labels: { run: 'badimg' } }),
  spec: { containers: [{ name: 'badimg', image: 'nginx:doesnotexist' }], nodeName: 'node1', serviceAccountName: 'default', priority: 0 },
  status: { phase: 'Pending', hostIP: '192.168.56.11', podIP: '10.244.1.40', podIPs: [{ ip: '10.244.1.40' }], startTime: t(3 * M + 30 * S),
  containerStatuses: [{ name: 'badimg', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:doesnotexist"' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:doesnotexist', imageID: '', started: false }], qosClass: 'BestEffort' },
};
objects.push(badimg);
events.push(ev(badimg, 'Normal', 'Pulling', 'Pulling image "nginx:doesnotexist"', 3 * M + 28 * S, 2 * M + 5 * S, 4, 'kubelet', 'spec.containers{badimg}'));
events.push(ev(badimg, 'Warning', 'Failed', 'Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": not found', 3 * M + 27 * S, 2 * M + 4 * S, 4, 'kubelet', 'spec.containers{badimg}'));
events.push(ev(badimg, 'Warning', 'Failed', 'Error: ErrImagePull', 3 * M + 27 * S, 2 * M + 4 * S, 4, 'kubelet', 'spec.containers{badimg}'));
events.push(ev(badimg, 'Normal', 'BackOff', 'Back-off pulling image "nginx:doesnotexist"', 3 * M + 26 * S, 40 * S, 6, 'kubelet', 'spec.containers{badimg}'));
events.push(ev(badimg, 'Warning', 'Failed', 'Error: ImagePullBackOff', 3 * M + 26 * S, 40 * S, 6, 'kubelet', 'spec.containers{badimg}'));
const job = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('once', 'default', { age: 2 * H }),
  spec: { containers: [{ name: 'once', image: 'busybox', command: ['sh', '-c', 'echo hi'], resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } } }], restartPolicy: 'Never', nodeName: 'node1', serviceAccountName: 'default', priority: 0 },
  status: { phase: 'Succeeded', conditions: [
    { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: t(2 * H - 10 * S) },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t(2 * H) },
    { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: t(2 * H - 10 * S), reason: 'PodCompleted' },
    { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: t(2 * H - 10 * S), reason: 'PodCompleted' },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t(2 * H) },
  ], hostIP: '192.168.56.11', hostIPs: [{ ip: '192.168.56.11' }], podIP: '10.244.1.41', podIPs: [{ ip: '10.244.1.41' }], startTime: t(2 * H),
  containerStatuses: [{ name: 'once', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t(2 * H - 5 * S), finishedAt: t(2 * H - 5 * S), containerID: 'containerd://hhh' } }, lastState: {}, ready: false, restartCount: 0, image: 'docker.io/library/busybox:latest', imageID: 'docker.io/library/busybox@sha256:fff', containerID: 'containerd://hhh', started: false }], qosClass: 'Guaranteed' },
};
objects.push(job);
// new-style event (events.k8s.io): eventTime + series, no source
const ne = ev(job, 'Normal', 'Custom', 'Reported by a new-style client', 2 * H, 2 * H, 0, 'x');
ne.source = {}; ne.reportingComponent = 'example.com/controller'; ne.reportingInstance = 'ctl-1'; ne.firstTimestamp = null; ne.lastTimestamp = null; ne.count = undefined;
ne.eventTime = new Date(base - 2 * H).toISOString().replace('Z', '000Z'); ne.series = { count: 3, lastObservedTime: new Date(base - 30 * M).toISOString().replace('Z', '000Z') };
events.push(ne);

const recreate = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: meta('api', 'shop', { age: 15 * M + 30 * S, generation: 1, labels: { app: 'api' } }),
  spec: {
    replicas: 2, selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }] },
    template: { metadata: { labels: { app: 'api', tier: 'back' }, annotations: { 'prometheus.io/scrape': 'true' } }, spec: {
      containers: [{ name: 'api', image: 'example/api:1.0', ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }], env: [{ name: 'LOG', value: 'debug' }, { name: 'NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } }], resources: { requests: { cpu: '0.1', memory: '64M' } }, readinessProbe: { httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }],
      volumes: [{ name: 'tmp', emptyDir: {} }],
      serviceAccountName: 'web-sa',
    } },
    strategy: { type: 'Recreate' }, minReadySeconds: 5, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
  },
  status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1, unavailableReplicas: 1, conditions: [
    { type: 'Available', status: 'False', lastUpdateTime: t(15 * M), lastTransitionTime: t(15 * M), reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    { type: 'Progressing', status: 'True', lastUpdateTime: t(15 * M), lastTransitionTime: t(15 * M), reason: 'ReplicaSetUpdated', message: 'ReplicaSet "api-5f7b9c" is progressing.' },
  ] },
};
objects.push(recreate);
const lonely = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: meta('lonely', 'shop', { age: 15 * M + 30 * S, generation: 1 }),
  spec: { replicas: 1, selector: { matchLabels: { app: 'lonely' } }, template: { metadata: { labels: { app: 'lonely' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } },
  status: {},
};
objects.push(lonely);

const cordoned = {
  apiVersion: 'v1', kind: 'Node',
  metadata: meta('node2', undefined, { age: 10 * D, labels: { 'kubernetes.io/hostname': 'node2', 'kubernetes.io/role': 'worker' } }),
  spec: { podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'], unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: t(20 * M) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: t(10 * M) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: t(10 * M) }, { key: 'dedicated', value: 'gpu', effect: 'PreferNoSchedule' }] },
  status: { capacity: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '2' }, allocatable: { cpu: '3800m', memory: '7Gi', pods: '110', 'example.com/gpu': '2' },
    conditions: [
      { type: 'Ready', status: 'Unknown', lastHeartbeatTime: t(12 * M), lastTransitionTime: t(10 * M + 30 * S), reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
    ],
    addresses: [{ type: 'InternalIP', address: '192.168.56.12' }, { type: 'Hostname', address: 'node2' }], nodeInfo: nodeInfo('node2') },
};
objects.push(cordoned);
objects.push({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('node2', 'kube-node-lease'), spec: { holderIdentity: 'node2', leaseDurationSeconds: 40, acquireTime: new Date(base - 10 * D).toISOString().replace('Z', '000Z'), renewTime: new Date(base - 12 * M).toISOString().replace('Z', '000Z') } });
objects.push({
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('gpu-job', 'default', { age: 1 * H }),
  spec: { containers: [{ name: 'a', image: 'cuda', resources: { limits: { cpu: '2', memory: '4Gi', 'example.com/gpu': '1' }, requests: { cpu: '1500m', memory: '3Gi', 'example.com/gpu': '1' } } }], initContainers: [{ name: 'init', image: 'busybox', resources: { requests: { cpu: '3', memory: '100Mi' } } }], nodeName: 'node2' },
  status: { phase: 'Running', qosClass: 'Burstable' },
});
const headless = {
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('db', 'shop', { age: 1 * H }),
  spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, ports: [{ name: 'pg', protocol: 'TCP', port: 5432, targetPort: 5432 }], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
  status: { loadBalancer: {} },
};
objects.push(headless);
objects.push({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
  metadata: meta('db-xyz12', 'shop', { age: 1 * H, labels: { 'kubernetes.io/service-name': 'db' } }),
  addressType: 'IPv4', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
  endpoints: [{ addresses: ['10.244.1.50'], conditions: { ready: true }, hostname: 'db-0', nodeName: 'node1', zone: 'zone-a' }],
});
objects.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('empty-abc', 'shop', { age: 1 * H }), addressType: 'IPv4', ports: null, endpoints: [] });


// ---- verification of rarer branches
const secpod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: meta('secure', 'shop', { age: 30 * M, labels: { app: 'secure' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'secure', uid: 'uid-sts', controller: true }, { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'uid-x' }] }),
  spec: {
    securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true },
    containers: [{ name: 'app', image: 'app:1', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } }, livenessProbe: { grpc: { port: 9090, service: '' }, initialDelaySeconds: 10, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, env: [{ name: 'LBL', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } }, { name: 'EMPTY', value: '' }, { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } }], volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true, subPath: 'a b' }] }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-pvc', readOnly: true } }, { name: 'csi', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault', mode: 'x' } } }],
    readinessGates: [{ conditionType: 'example.com/feature-1' }, { conditionType: 'example.com/missing' }],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'secure' } } }, { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' }],
    nodeName: 'node1', serviceAccountName: 'default', priority: 0, runtimeClassName: 'gvisor',
  },
  status: { phase: 'Running', reason: 'SomeReason', message: 'some message', nominatedNodeName: 'node2', conditions: [{ type: 'example.com/feature-1', status: 'True', lastProbeTime: null, lastTransitionTime: t(29 * M) }, { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t(29 * M) }], hostIP: '192.168.56.11', podIP: '10.244.1.60', podIPs: [{ ip: '10.244.1.60' }, { ip: 'fd00::3c' }], startTime: t(30 * M), qosClass: 'BestEffort',
    containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9, reason: 'OOMKilled', startedAt: t(20 * M), finishedAt: t(19 * M) } }, lastState: { terminated: { exitCode: 2, startedAt: t(25 * M), finishedAt: t(24 * M) } }, ready: false, restartCount: 2, image: 'app:1', imageID: 'docker.io/library/app@sha256:1', containerID: 'containerd://iii' }] },
};
objects.push(secpod);
const orphanDep = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: meta('web2', 'shop', { age: 2 * H }),
  spec: { replicas: 2, selector: { matchLabels: { app: 'web2' } }, template: { metadata: { labels: { app: 'web2' } }, spec: { initContainers: [{ name: 'setup', image: 'busybox', command: ['true'] }], containers: [{ name: 'web', image: 'nginx:1.28', resources: { limits: { cpu: '1' } } }], tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }], nodeSelector: { disk: 'ssd' }, priorityClassName: 'high' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 2 } } },
  status: { replicas: 2, updatedReplicas: 0, availableReplicas: 2, readyReplicas: 2, conditions: [{ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'paused' }] },
};
objects.push(orphanDep);
objects.push({
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: meta('web2-old', 'shop', { age: 2 * H, labels: { app: 'web2', 'pod-template-hash': 'old' }, ownerReferences: owner(orphanDep) }),
  spec: { replicas: 2, selector: { matchLabels: { app: 'web2', 'pod-template-hash': 'old' } }, template: { metadata: { labels: { app: 'web2', 'pod-template-hash': 'old' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  status: { replicas: 2, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota' }] },
});
objects.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('clone', 'shop', { age: 1 * H, annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta-class' } }), spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'fast', volumeName: 'pv-clone', dataSource: { kind: 'PersistentVolumeClaim', name: 'data-pvc' }, volumeMode: 'Block' }, status: { phase: 'Bound', accessModes: ['ReadWriteOncePod'], capacity: { storage: '2Gi' }, conditions: [{ type: 'Resizing', status: 'True', lastProbeTime: null, lastTransitionTime: t(10 * M) }] } });
objects.push({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-csi', undefined, { age: 1 * H, deletionTimestamp: t(2 * M) }), spec: { capacity: { storage: '2Gi' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'fast', csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-123', fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '123' } } }, status: { phase: 'Released', message: 'released' } });
objects.push({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta('zonal', undefined, { age: 2 * D }), provisioner: 'ebs.csi.aws.com', allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['us-east-1a', 'us-east-1b'] }] }] });
objects.push({
  apiVersion: 'v1', kind: 'Service',
  metadata: meta('edge', 'shop', { age: 1 * H }),
  spec: { type: 'LoadBalancer', selector: { app: 'edge' }, ports: [{ protocol: 'UDP', port: 53, targetPort: 5353, nodePort: 30053, name: 'dns' }], clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9', 'fd00::9'], loadBalancerIP: '1.1.1.1', loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Local', ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack', trafficDistribution: 'PreferClose' },
  status: { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }, { ip: '5.6.7.8' }] } },
});

const key = (o) => `${o.metadata.namespace || ''}/${o.metadata.name}`;
const sorted = [...objects, ...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
fs.writeFileSync('./fixture.json', JSON.stringify({ base, objects: sorted }, null, 1));
console.log('base', base, new Date(base).toISOString(), objects.length, events.length);
