// Every manifest of the Kubernetes documentation corpus (../shared/corpus/k8s-website), applied
// in a fresh kubeadm cluster after the prerequisites its INDEX.tsv notes name, reaches the state
// a real cluster shows five minutes later: the STATUS column of each pod, the phase of each
// claim and namespace, each Service's type, ClusterIP, ports, NodePorts and the Endpoints and
// EndpointSlice addresses of the pods it selects, and what kubectl prints for the ConfigMaps,
// Secrets and PersistentVolumes (an immutable ConfigMap refusing edits). Known gaps of the
// simulation are `it.failing` with the reason, so they are listed and flip to failures once
// fixed. Skips with a notice when ../shared is absent.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { summarizePod } from '../../apps/server/src/engine/kubectl/printers/columns/pod';
import { Pod } from '../../apps/server/src/engine/api/types';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/k8s-website');
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent (it is present in CI)`);

const START = Date.UTC(2026, 0, 1);

/** prerequisites named in INDEX.tsv, as the commands a student would run first */
const NS = (n: string) => `kubectl create namespace ${n}`;
const SPECIAL_CONFIG = 'kubectl apply -f $CORPUS/configmap/configmaps.yaml';

interface Case {
  file: string;
  before?: string[];
  /** object → expected: pods by name prefix (STATUS column), `pvc/NAME` (phase), `ns/NAME` (phase) */
  expect: Record<string, string>;
  /** the Services the file (or a prerequisite) declares, as the cluster shows them */
  services?: ServiceExpectation[];
  /** command lines run after the five minutes (`$CORPUS` is the copied corpus), with their exact answer */
  commands?: CommandExpectation[];
  /** a known gap of the simulation, with the reason */
  gap?: string;
}

interface ServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
}

interface ServiceExpectation {
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** `clusterIP: None` in the manifest: no address is allocated */
  headless?: true;
  /** spec.ports as the API server stores them (protocol TCP), apart from the allocated nodePort */
  ports: ServicePort[];
  /**
   * The pods (by name prefix, as in `expect`) whose addresses the Endpoints and the EndpointSlice
   * list, all of them Running and ready, with the ports they list (a named targetPort resolved
   * through the pod's containerPort); or `none` with the reason no pod address is listed.
   */
  endpoints: { pods: string; count: number; ports: { name?: string; port: number }[] } | { none: string };
}

interface CommandExpectation {
  run: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

/** a kubectl table as its tabwriter prints it (minwidth 6, padding 3; the last column unpadded) */
function table(...rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(6, ...rows.map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('') + '\n').join('');
}

const APPLY = (rel: string) => `kubectl apply -f $CORPUS/${rel}`;
const IMMUTABLE = 'Forbidden: field is immutable when `immutable` is set';

const CASES: Case[] = [
  { file: 'admin/dns/dnsutils.yaml', expect: { dnsutils: 'Running' } },
  { file: 'admin/logging/two-files-counter-pod-streaming-sidecar.yaml', expect: { counter: 'Running' } },
  { file: 'admin/namespace-dev.yaml', expect: { 'ns/development': 'Active' } },
  { file: 'admin/namespace-prod.yaml', expect: { 'ns/production': 'Active' } },
  { file: 'admin/resource/cpu-constraints-pod-4.yaml', expect: { 'constraints-cpu-demo-4': 'Running' } },
  { file: 'admin/resource/memory-defaults-pod.yaml', before: [NS('default-mem-example')], expect: { 'ns/default-mem-example': 'Active' } },
  { file: 'admin/resource/pvc-limit-lower.yaml', expect: { 'pvc/pvc-limit-lower': 'Pending' } },
  { file: 'admin/resource/quota-objects-pvc.yaml', expect: { 'pvc/pvc-quota-demo': 'Pending' } },
  { file: 'admin/snowflake-deployment.yaml', expect: { snowflake: 'Running' } },
  { file: 'application/deployment-scale.yaml', expect: { 'nginx-deployment': 'Running' } },
  { file: 'application/deployment-update.yaml', expect: { 'nginx-deployment': 'Running' } },
  { file: 'application/deployment.yaml', expect: { 'nginx-deployment': 'Running' } },
  { file: 'application/guestbook/frontend-deployment.yaml', expect: { frontend: 'Running' } },
  // this stored frontend-deployment.yaml labels its pods app.kubernetes.io/component: frontend,
  // not the tier: frontend the Service selects (INDEX.tsv): no pod matches
  {
    file: 'application/guestbook/frontend-service.yaml',
    before: [APPLY('application/guestbook/frontend-deployment.yaml')],
    expect: { frontend: 'Running' },
    services: [{ name: 'frontend', type: 'ClusterIP', ports: [{ port: 80, targetPort: 80 }], endpoints: { none: 'no pod has the label tier: frontend' } }],
  },
  { file: 'application/guestbook/redis-follower-deployment.yaml', expect: { 'redis-follower': 'Running' } },
  {
    file: 'application/guestbook/redis-follower-service.yaml',
    before: [APPLY('application/guestbook/redis-follower-deployment.yaml')],
    expect: { 'redis-follower': 'Running' },
    services: [{ name: 'redis-follower', type: 'ClusterIP', ports: [{ port: 6379, targetPort: 6379 }], endpoints: { pods: 'redis-follower', count: 2, ports: [{ port: 6379 }] } }],
  },
  { file: 'application/guestbook/redis-leader-deployment.yaml', expect: { 'redis-leader': 'Running' } },
  // the leader Service selects role: leader, so not the follower pods the same name label has
  {
    file: 'application/guestbook/redis-leader-service.yaml',
    before: [APPLY('application/guestbook/redis-leader-deployment.yaml'), APPLY('application/guestbook/redis-follower-deployment.yaml')],
    expect: { 'redis-leader': 'Running', 'redis-follower': 'Running' },
    services: [{ name: 'redis-leader', type: 'ClusterIP', ports: [{ port: 6379, targetPort: 6379 }], endpoints: { pods: 'redis-leader', count: 1, ports: [{ port: 6379 }] } }],
  },
  { file: 'application/job/redis/redis-pod.yaml', expect: { 'redis-master': 'Running' } },
  {
    file: 'application/job/redis/redis-service.yaml',
    before: [APPLY('application/job/redis/redis-pod.yaml')],
    expect: { 'redis-master': 'Running' },
    services: [{ name: 'redis', type: 'ClusterIP', ports: [{ port: 6379, targetPort: 6379 }], endpoints: { pods: 'redis-master', count: 1, ports: [{ port: 6379 }] } }],
  },
  {
    file: 'application/mysql/mysql-pv.yaml',
    expect: { 'pvc/mysql-pv-claim': 'Bound' },
    commands: [
      {
        run: 'kubectl get pv',
        stdout: table(
          ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
          ['mysql-pv-volume', '20Gi', 'RWO', 'Retain', 'Bound', 'default/mysql-pv-claim', 'manual', '<unset>', '', '5m'],
        ),
      },
    ],
  },
  {
    file: 'application/mysql/mysql-deployment.yaml',
    before: ['kubectl apply -f $CORPUS/application/mysql/mysql-pv.yaml'],
    expect: { mysql: 'Running', 'pvc/mysql-pv-claim': 'Bound' },
    services: [{ name: 'mysql', type: 'ClusterIP', headless: true, ports: [{ port: 3306, targetPort: 3306 }], endpoints: { pods: 'mysql', count: 1, ports: [{ port: 3306 }] } }],
  },
  {
    file: 'application/nginx-app.yaml',
    expect: { 'my-nginx': 'Running' },
    services: [{ name: 'my-nginx-svc', type: 'LoadBalancer', ports: [{ port: 80, targetPort: 80 }], endpoints: { pods: 'my-nginx', count: 3, ports: [{ port: 80 }] } }],
  },
  { file: 'application/nginx/nginx-deployment.yaml', expect: { 'my-nginx': 'Running' } },
  {
    file: 'application/nginx/nginx-svc.yaml',
    before: [APPLY('application/nginx/nginx-deployment.yaml')],
    expect: { 'my-nginx': 'Running' },
    services: [{ name: 'my-nginx-svc', type: 'LoadBalancer', ports: [{ port: 80, targetPort: 80 }], endpoints: { pods: 'my-nginx', count: 3, ports: [{ port: 80 }] } }],
  },
  {
    file: 'application/php-apache.yaml',
    expect: { 'php-apache': 'Running' },
    services: [{ name: 'php-apache', type: 'ClusterIP', ports: [{ port: 80, targetPort: 80 }], endpoints: { pods: 'php-apache', count: 1, ports: [{ port: 80 }] } }],
  },
  { file: 'application/shell-demo.yaml', expect: { 'shell-demo': 'Running' } },
  // no StorageClass on a kubeadm cluster: the claims, and so the pods, stay Pending
  {
    file: 'application/wordpress/mysql-deployment.yaml',
    before: ['kubectl create secret generic mysql-pass --from-literal=password=secret'],
    expect: { 'wordpress-mysql': 'Pending', 'pvc/mysql-pv-claim': 'Pending' },
    services: [{ name: 'wordpress-mysql', type: 'ClusterIP', headless: true, ports: [{ port: 3306, targetPort: 3306 }], endpoints: { none: 'its pod is Pending, unscheduled, without an address' } }],
  },
  {
    file: 'application/wordpress/wordpress-deployment.yaml',
    before: ['kubectl create secret generic mysql-pass --from-literal=password=secret'],
    expect: { wordpress: 'Pending', 'pvc/wp-pv-claim': 'Pending' },
    services: [{ name: 'wordpress', type: 'LoadBalancer', ports: [{ port: 80, targetPort: 80 }], endpoints: { none: 'its pod is Pending, unscheduled, without an address' } }],
  },
  {
    file: 'configmap/configmaps.yaml',
    expect: {},
    commands: [
      { run: 'kubectl get configmap special-config env-config', stdout: table(['NAME', 'DATA', 'AGE'], ['special-config', '1', '5m'], ['env-config', '1', '5m']) },
      { run: "kubectl get cm special-config -o jsonpath='{.data}'", stdout: '{"special.how":"very"}' },
      { run: "kubectl get cm env-config -o jsonpath='{.data}'", stdout: '{"log_level":"INFO"}' },
    ],
  },
  // printenv exits at once under restartPolicy Always
  { file: 'configmap/env-configmap.yaml', before: ['kubectl create configmap myconfigmap --from-literal=charm=lucky'], expect: { 'env-configmap': 'CrashLoopBackOff' } },
  // ValidateConfigMapUpdate: once immutable, neither data nor the flag may change; metadata may
  {
    file: 'configmap/immutable-configmap.yaml',
    expect: {},
    commands: [
      { run: 'kubectl get configmap company-name-20150801', stdout: table(['NAME', 'DATA', 'AGE'], ['company-name-20150801', '1', '5m']) },
      { run: "kubectl get cm company-name-20150801 -o jsonpath='{.immutable} {.data}'", stdout: 'true {"company_name":"ACME, Inc."}' },
      {
        run: `kubectl patch cm company-name-20150801 -p '{"data":{"company_name":"Umbrella"}}'`,
        stderr: `The ConfigMap "company-name-20150801" is invalid: data: ${IMMUTABLE}\n`,
        exitCode: 1,
      },
      {
        run: `kubectl patch cm company-name-20150801 -p '{"immutable":false}'`,
        stderr: `The ConfigMap "company-name-20150801" is invalid: immutable: ${IMMUTABLE}\n`,
        exitCode: 1,
      },
      {
        run: "sed 's/ACME/Umbrella/' $CORPUS/configmap/immutable-configmap.yaml | kubectl apply -f -",
        stderr: `The ConfigMap "company-name-20150801" is invalid: data: ${IMMUTABLE}\n`,
        exitCode: 1,
      },
      { run: 'kubectl label cm company-name-20150801 era=2015', stdout: 'configmap/company-name-20150801 labeled\n' },
      { run: "kubectl get cm company-name-20150801 -o jsonpath='{.immutable} {.data}'", stdout: 'true {"company_name":"ACME, Inc."}' },
    ],
  },
  { file: 'controllers/frontend.yaml', expect: { frontend: 'Running' } },
  { file: 'controllers/nginx-deployment.yaml', expect: { 'nginx-deployment': 'Running' } },
  { file: 'controllers/replicaset.yaml', expect: { 'my-repset': 'Running' } },
  { file: 'pods/config/redis-pod.yaml', before: ['kubectl create configmap example-redis-config --from-literal=redis-config='], expect: { redis: 'Running' } },
  { file: 'pods/init-containers.yaml', expect: { 'init-demo': 'Running' } },
  { file: 'pods/inject/dapi-envars-pod.yaml', expect: { 'dapi-envars-fieldref': 'Running' } },
  { file: 'pods/inject/dependent-envars.yaml', expect: { 'dependent-envars-demo': 'Running' } },
  {
    file: 'pods/inject/secret.yaml',
    expect: {},
    commands: [
      { run: 'kubectl get secret test-secret', stdout: table(['NAME', 'TYPE', 'DATA', 'AGE'], ['test-secret', 'Opaque', '2', '5m']) },
      { run: "kubectl get secret test-secret -o jsonpath='{.data}'", stdout: '{"password":"Mzk1MjgkdmRnN0pi","username":"bXktYXBw"}' },
      { run: "kubectl get secret test-secret -o jsonpath='{.data.username}' | base64 -d", stdout: 'my-app' },
    ],
  },
  { file: 'pods/multi-container/shared-volume.yaml', expect: { 'shared-volume-example': 'Running' } },
  { file: 'pods/pod-configmap-envFrom.yaml', before: [SPECIAL_CONFIG], expect: { 'dapi-test-pod': 'Completed' } },
  { file: 'pods/pod-configmap-volume.yaml', before: [SPECIAL_CONFIG], expect: { 'dapi-test-pod': 'Completed' } },
  // nodeSelector disktype=ssd: no node has that label
  { file: 'pods/pod-nginx.yaml', expect: { nginx: 'Pending' } },
  { file: 'pods/probe/exec-liveness.yaml', expect: { 'liveness-exec': 'Running' } },
  { file: 'pods/probe/http-liveness.yaml', expect: { 'liveness-http': 'CrashLoopBackOff' } },
  { file: 'pods/probe/tcp-liveness-readiness.yaml', expect: { goproxy: 'Running' } },
  { file: 'pods/qos/qos-pod.yaml', before: [NS('qos-example')], expect: { 'qos-demo': 'Running' } },
  { file: 'pods/resource/cpu-request-limit.yaml', before: [NS('cpu-example')], expect: { 'cpu-demo': 'Running' } },
  { file: 'pods/security/security-context.yaml', expect: { 'security-context-demo': 'Running' } },
  { file: 'pods/share-process-namespace.yaml', expect: { nginx: 'Running' } },
  { file: 'pods/simple-pod.yaml', expect: { nginx: 'Running' } },
  { file: 'pods/storage/projected.yaml', before: ['kubectl create secret generic user --from-literal=user=admin', 'kubectl create secret generic pass --from-literal=pass=1f2d1e2e67df'], expect: { 'test-projected-volume': 'Running' } },
  {
    file: 'pods/storage/pv-volume.yaml',
    expect: {},
    commands: [
      {
        run: 'kubectl get pv',
        stdout: table(
          ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
          ['task-pv-volume', '10Gi', 'RWO', 'Retain', 'Available', '', 'manual', '<unset>', '', '5m'],
        ),
      },
    ],
  },
  {
    file: 'pods/storage/pv-claim.yaml',
    before: ['kubectl apply -f $CORPUS/pods/storage/pv-volume.yaml'],
    expect: { 'pvc/task-pv-claim': 'Bound' },
    commands: [
      {
        run: 'kubectl get pv',
        stdout: table(
          ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
          ['task-pv-volume', '10Gi', 'RWO', 'Retain', 'Bound', 'default/task-pv-claim', 'manual', '<unset>', '', '5m'],
        ),
      },
    ],
  },
  { file: 'pods/storage/pv-pod.yaml', before: ['kubectl apply -f $CORPUS/pods/storage/pv-volume.yaml', 'kubectl apply -f $CORPUS/pods/storage/pv-claim.yaml'], expect: { 'task-pv-pod': 'Running' } },
  { file: 'pods/storage/redis.yaml', expect: { redis: 'Running' } },
  // the debian container writes its file and exits (restartPolicy Never); nginx keeps running
  { file: 'pods/two-container-pod.yaml', expect: { 'two-containers': 'NotReady' } },
  // `ls -l /etc/secret-volume` exits at once under restartPolicy Always
  {
    file: 'secret/dotfile-secret.yaml',
    expect: { 'secret-dotfiles-pod': 'CrashLoopBackOff' },
    commands: [
      { run: 'kubectl get secret dotfile-secret', stdout: table(['NAME', 'TYPE', 'DATA', 'AGE'], ['dotfile-secret', 'Opaque', '1', '5m']) },
      { run: "kubectl get secret dotfile-secret -o jsonpath='{.data}'", stdout: '{".secret-file":"dmFsdWUtMg0KDQo="}' },
    ],
  },
  { file: 'service/access/backend-deployment.yaml', expect: { backend: 'Running' } },
  // targetPort http names the pods' containerPort 80
  {
    file: 'service/access/backend-service.yaml',
    before: [APPLY('service/access/backend-deployment.yaml')],
    expect: { backend: 'Running' },
    services: [{ name: 'hello', type: 'ClusterIP', ports: [{ port: 80, targetPort: 'http' }], endpoints: { pods: 'backend', count: 3, ports: [{ port: 80 }] } }],
  },
  { file: 'service/access/frontend-deployment.yaml', expect: { frontend: 'Running' } },
  {
    file: 'service/access/frontend-service.yaml',
    before: [APPLY('service/access/frontend-deployment.yaml')],
    expect: { frontend: 'Running' },
    services: [{ name: 'frontend', type: 'LoadBalancer', ports: [{ port: 80, targetPort: 80 }], endpoints: { pods: 'frontend', count: 1, ports: [{ port: 80 }] } }],
  },
  // the page that uses it pairs it with pod-with-graceful-termination.yaml, whose stored version
  // labels its pods app.kubernetes.io/name: nginx, not the app: nginx this Service selects
  {
    file: 'service/explore-graceful-termination-nginx.yaml',
    before: [APPLY('service/pod-with-graceful-termination.yaml')],
    expect: { 'nginx-deployment': 'Running' },
    services: [{ name: 'nginx-service', type: 'ClusterIP', ports: [{ port: 80, targetPort: 80 }], endpoints: { none: 'no pod has the label app: nginx' } }],
  },
  { file: 'service/load-balancer-example.yaml', expect: { 'hello-world': 'Running' } },
  // the https port has no targetPort: it defaults to the port, 443
  {
    file: 'service/networking/nginx-secure-app.yaml',
    before: ['kubectl create secret generic nginxsecret --from-literal=tls.crt=x --from-literal=tls.key=y', 'kubectl create configmap nginxconfigmap --from-literal=default.conf=server{}'],
    expect: { 'my-nginx': 'Running' },
    services: [
      {
        name: 'my-nginx',
        type: 'NodePort',
        ports: [
          { name: 'http', port: 8080, targetPort: 80 },
          { name: 'https', port: 443, targetPort: 443 },
        ],
        endpoints: { pods: 'my-nginx', count: 1, ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] },
      },
    ],
  },
  {
    file: 'service/nginx-service.yaml',
    before: [APPLY('service/pod-with-graceful-termination.yaml')],
    expect: { 'nginx-deployment': 'Running' },
    services: [{ name: 'nginx-service', type: 'ClusterIP', ports: [{ port: 8000, targetPort: 80 }], endpoints: { pods: 'nginx-deployment', count: 1, ports: [{ port: 80 }] } }],
  },
  { file: 'service/pod-with-graceful-termination.yaml', expect: { 'nginx-deployment': 'Running' } },
];

interface Played {
  applied: { exitCode: number; stderr: string };
  state: Record<string, string[]>;
  sandbox: Sandbox;
  /** runs a command line after the five minutes, `$CORPUS` being the copied corpus */
  sh(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
}

async function play(c: Case): Promise<Played> {
  const clock = new VirtualClock(START);
  const sandbox = Sandbox.create({ seed: 1, start: START }, clock);
  const corpusDir = '/home/student/corpus';
  // the corpus is copied onto master, as a student would have it
  const copy = (rel: string): void => {
    const parts = rel.split('/');
    let dir = corpusDir;
    for (const p of parts.slice(0, -1)) {
      dir += `/${p}`;
      if (!sandbox.hosts.master.fs.exists(dir)) sandbox.hosts.master.fs.mkdir(dir, { owner: 'student', mode: 0o755, parents: true });
    }
    sandbox.hosts.master.fs.write(`${corpusDir}/${rel}`, fs.readFileSync(path.join(CORPUS, rel), 'utf8'), { owner: 'student', mode: 0o644 });
  };
  if (!sandbox.hosts.master.fs.exists(corpusDir)) sandbox.hosts.master.fs.mkdir(corpusDir, { owner: 'student', mode: 0o755 });
  for (const rel of [c.file, ...(c.before ?? []).map((b) => /\$CORPUS\/(\S+)/.exec(b)?.[1]).filter((x): x is string => !!x)]) copy(rel);
  let session = sandbox.newSession();
  for (const line of c.before ?? []) {
    const r = await sandbox.run(session, line.replace('$CORPUS', corpusDir), undefined, { isTTY: false });
    session = r.session;
    if (r.result.exitCode !== 0) throw new Error(`prerequisite failed: ${line}: ${r.result.stderr}`);
  }
  const r = await sandbox.run(session, `kubectl apply -f ${corpusDir}/${c.file}`, undefined, { isTTY: false });
  session = (await sandbox.run(r.session, 'sleep 300', undefined, { isTTY: false })).session;
  // a controller that threw is recorded and skipped (the cluster lives on): here it is a bug
  expect(sandbox.cluster.faults()).toEqual([]);
  const state: Record<string, string[]> = {};
  const put = (k: string, v: string): void => {
    (state[k] ??= []).push(v);
  };
  for (const p of sandbox.cluster.store.list('pods') as Pod[]) {
    if (p.metadata.namespace?.startsWith('kube-')) continue;
    put(`pod:${p.metadata.name}`, summarizePod(p).status);
  }
  for (const pvc of sandbox.cluster.store.list('persistentvolumeclaims')) put(`pvc/${pvc.metadata.name}`, pvc.status?.phase ?? '');
  for (const ns of sandbox.cluster.store.list('namespaces')) put(`ns/${ns.metadata.name}`, ns.status?.phase ?? '');
  const sh = async (line: string) => {
    const out = await sandbox.run(session, line.replace('$CORPUS', corpusDir), undefined, { isTTY: false });
    session = out.session;
    return { stdout: out.result.stdout, stderr: out.result.stderr, exitCode: out.result.exitCode };
  };
  return { applied: r.result, state, sandbox, sh };
}

/** a pod name, or the prefix of a workload's pods (`web` for `web-7c5d...-x2k4p`) */
const isPodOf = (name: string, key: string): boolean => name === key || name.startsWith(`${key}-`);

/** 10.96.0.0/12, kubeadm's default service subnet: 10.96.0.0 to 10.111.255.255 */
function inServiceSubnet(ip: string): boolean {
  const o = ip.split('.').map(Number);
  return o.length === 4 && o.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) && o[0] === 10 && o[1] >= 96 && o[1] <= 111;
}

const sortedStrings = (xs: string[]): string[] => [...xs].sort();

async function checkService(played: Played, want: ServiceExpectation): Promise<void> {
  const { sh, sandbox } = played;
  const got = await sh(`kubectl get service ${want.name} -o json`);
  expect({ stderr: got.stderr, exitCode: got.exitCode }).toEqual({ stderr: '', exitCode: 0 });
  const svc = JSON.parse(got.stdout) as { spec: { type: string; clusterIP: string; clusterIPs: string[]; ports: Record<string, unknown>[] }; status: unknown };
  expect(svc.spec.type).toBe(want.type);
  // ClusterIP
  if (want.headless) expect({ clusterIP: svc.spec.clusterIP, clusterIPs: svc.spec.clusterIPs }).toEqual({ clusterIP: 'None', clusterIPs: ['None'] });
  else {
    expect({ clusterIP: svc.spec.clusterIP, inSubnet: inServiceSubnet(svc.spec.clusterIP), notTheApiServers: svc.spec.clusterIP !== '10.96.0.1' }).toEqual({
      clusterIP: svc.spec.clusterIP,
      inSubnet: true,
      notTheApiServers: true,
    });
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
  }
  // ports, and a NodePort in 30000-32767 for each port of a NodePort or LoadBalancer Service
  const nodePorts = svc.spec.ports.map((p) => p.nodePort);
  if (want.type === 'ClusterIP') expect(nodePorts.every((n) => n === undefined)).toBe(true);
  else {
    for (const n of nodePorts) expect({ n, inRange: typeof n === 'number' && Number.isInteger(n) && n >= 30000 && n <= 32767 }).toEqual({ n, inRange: true });
    expect(new Set(nodePorts).size).toBe(nodePorts.length);
  }
  expect(svc.spec.ports.map(({ nodePort: _, ...p }) => p)).toEqual(want.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: 'TCP', targetPort: p.targetPort })));
  // a kubeadm cluster has no load balancer to offer: EXTERNAL-IP stays <pending>
  expect(svc.status).toEqual({ loadBalancer: {} });
  const portsColumn = svc.spec.ports.map((p) => `${p.port as number}${p.nodePort ? `:${p.nodePort as number}` : ''}/TCP`).join(',');
  expect(await sh(`kubectl get service ${want.name}`)).toEqual({
    stdout: table(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], [want.name, want.type, svc.spec.clusterIP, want.type === 'LoadBalancer' ? '<pending>' : '<none>', portsColumn, '5m']),
    stderr: '',
    exitCode: 0,
  });

  // the pods whose addresses the Endpoints and EndpointSlice must list
  const ep = await sh(`kubectl get endpoints ${want.name} -o json`);
  expect({ stderr: ep.stderr, exitCode: ep.exitCode }).toEqual({ stderr: '', exitCode: 0 });
  const endpoints = JSON.parse(ep.stdout) as { subsets?: { addresses?: { ip: string; targetRef?: { kind: string; name: string } }[]; notReadyAddresses?: unknown[]; ports?: unknown[] }[] };
  const sl = await sh(`kubectl get endpointslices -l kubernetes.io/service-name=${want.name} -o json`);
  expect({ stderr: sl.stderr, exitCode: sl.exitCode }).toEqual({ stderr: '', exitCode: 0 });
  const slices = (JSON.parse(sl.stdout) as { items: { addressType: string; endpoints: { addresses: string[]; conditions: { ready?: boolean }; targetRef?: { name: string } }[] | null; ports: unknown[] | null }[] }).items;
  expect(slices.map((s) => s.addressType)).toEqual(['IPv4']);
  const [slice] = slices;

  if ('none' in want.endpoints) {
    expect(endpoints.subsets).toBeUndefined();
    expect({ endpoints: slice.endpoints, ports: slice.ports }).toEqual({ endpoints: null, ports: null });
    expect((await sh(`kubectl get endpoints ${want.name}`)).stdout).toBe(table(['NAME', 'ENDPOINTS', 'AGE'], [want.name, '<none>', '5m']));
    return;
  }
  const { pods: prefix, count, ports } = want.endpoints;
  const pods = (sandbox.cluster.store.list('pods') as Pod[]).filter((p) => p.metadata.namespace === 'default' && isPodOf(p.metadata.name ?? '', prefix));
  expect(pods.map((p) => summarizePod(p).status)).toEqual(Array.from({ length: count }, () => 'Running'));
  const ips = sortedStrings(pods.map((p) => p.status?.podIP ?? ''));
  const names = sortedStrings(pods.map((p) => p.metadata.name ?? ''));
  const wantPorts = ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: 'TCP' }));
  const byPort = (a: { port: number }, b: { port: number }) => a.port - b.port;
  // Endpoints: one subset, every pod ready
  expect(endpoints.subsets?.length).toBe(1);
  const [subset] = endpoints.subsets!;
  expect(subset.notReadyAddresses).toBeUndefined();
  expect(sortedStrings((subset.addresses ?? []).map((a) => a.ip))).toEqual(ips);
  expect(sortedStrings((subset.addresses ?? []).map((a) => `${a.targetRef?.kind}/${a.targetRef?.name}`))).toEqual(names.map((n) => `Pod/${n}`));
  expect([...((subset.ports ?? []) as { port: number }[])].sort(byPort)).toEqual(wantPorts);
  // EndpointSlice: the same addresses, ready, with the ports named as the Service names them ('' if not)
  expect(sortedStrings((slice.endpoints ?? []).flatMap((e) => e.addresses))).toEqual(ips);
  expect(sortedStrings((slice.endpoints ?? []).map((e) => e.targetRef?.name ?? ''))).toEqual(names);
  expect((slice.endpoints ?? []).every((e) => e.conditions.ready === true)).toBe(true);
  expect([...((slice.ports ?? []) as { port: number }[])].sort(byPort)).toEqual(ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: 'TCP' })));
}

function statusesFor(state: Record<string, string[]>, key: string): string[] {
  if (key.includes('/')) return state[key] ?? [];
  // a pod name, or the prefix of a workload's pods (`web` for `web-7c5d...-x2k4p`)
  return Object.entries(state)
    .filter(([k]) => k === `pod:${key}` || k.startsWith(`pod:${key}-`))
    .flatMap(([, v]) => v);
}

(present ? describe : describe.skip)('the Kubernetes documentation corpus', () => {
  it('asserts more than a successful apply for every manifest', () => {
    expect(CASES.filter((c) => Object.keys(c.expect).length === 0 && !c.services?.length && !c.commands?.length).map((c) => c.file)).toEqual([]);
  });
  it('has a case for every manifest', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.relative(CORPUS, path.join(dir, e.name))]));
    expect(files(CORPUS).filter((f) => f.endsWith('.yaml')).sort()).toEqual(CASES.map((c) => c.file).sort());
  });
  for (const c of CASES) {
    const t = c.gap ? it.failing : it;
    t(`${c.file}${c.gap ? ` (known gap: ${c.gap})` : ''}`, async () => {
      const played = await play(c);
      const { applied, state } = played;
      expect(applied.stderr).toBe('');
      expect(applied.exitCode).toBe(0);
      for (const [key, want] of Object.entries(c.expect)) {
        const got = statusesFor(state, key);
        expect({ key, got: got.length ? [...new Set(got)] : ['(none)'] }).toEqual({ key, got: [want] });
      }
      for (const svc of c.services ?? []) await checkService(played, svc);
      for (const cmd of c.commands ?? []) {
        const got = await played.sh(cmd.run);
        expect({ run: cmd.run, ...got }).toEqual({ run: cmd.run, stdout: cmd.stdout ?? '', stderr: cmd.stderr ?? '', exitCode: cmd.exitCode ?? 0 });
      }
    });
  }
});
