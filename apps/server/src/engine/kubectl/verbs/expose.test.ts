import { Service } from '../../api/types';
import { newKit } from './verb-test-kit';

const DEPLOY_WITH_PORTS = `cat > d.yaml <<'EOF2'
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, labels: {app: api, tier: back}}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: c
        image: nginx
        ports: [{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP}]
EOF2`;

describe('kubectl expose', () => {
  const cases: { name: string; line: string; stdout?: string; stderr?: string; exit?: number; svc?: string; spec?: Record<string, unknown>; labels?: Record<string, string> }[] = [
    {
      name: 'a deployment with --port',
      line: 'kubectl expose deployment web --port=80',
      stdout: 'service/web exposed\n',
      svc: 'web',
      spec: { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
      labels: { app: 'web' },
    },
    {
      name: '--target-port, --type, --name',
      line: 'kubectl expose deploy/web --port=80 --target-port=8080 --type=NodePort --name=web-np',
      stdout: 'service/web-np exposed\n',
      svc: 'web-np',
      spec: { type: 'NodePort', ports: [expect.objectContaining({ port: 80, targetPort: 8080, protocol: 'TCP' })] },
    },
    { name: 'a named target port', line: 'kubectl expose deploy web --port=80 --target-port=http', svc: 'web', spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] } },
    { name: 'no port anywhere', line: 'kubectl expose deployment web', stderr: "error: couldn't find port via --port flag or introspection\n", exit: 1 },
    {
      name: 'ports found by introspection, named port-N, protocols kept',
      line: 'kubectl expose deploy api',
      stdout: 'service/api exposed\n',
      svc: 'api',
      spec: {
        selector: { app: 'api' },
        ports: [
          { name: 'port-1', port: 8080, protocol: 'TCP', targetPort: 8080 },
          { name: 'port-2', port: 53, protocol: 'UDP', targetPort: 53 },
        ],
      },
      labels: { app: 'api', tier: 'back' },
    },
    { name: 'a pod, selector from its labels', line: 'kubectl expose pod solo --port=6379', stdout: 'service/solo exposed\n', svc: 'solo', spec: { selector: { run: 'solo' } } },
    { name: 'a service', line: 'kubectl expose svc first --name=second', stdout: 'service/second exposed\n', svc: 'second', spec: { selector: { app: 'web' }, ports: [{ port: 90, protocol: 'TCP', targetPort: 90 }] } },
    { name: '--selector, --labels, --protocol, --external-ip', line: 'kubectl expose deploy web --port=53 --protocol=UDP --selector=x=y --labels=a=b --external-ip=1.2.3.4', svc: 'web', spec: { selector: { x: 'y' }, externalIPs: ['1.2.3.4'], ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }] }, labels: { a: 'b' } },
    { name: 'headless', line: 'kubectl expose deploy web --cluster-ip=None', svc: 'web', spec: { clusterIP: 'None' } },
    { name: 'already exists', line: 'kubectl expose deploy web --port=80 --name=first', stderr: 'Error from server (AlreadyExists): services "first" already exists\n', exit: 1 },
    { name: 'not found', line: 'kubectl expose deploy nope --port=80', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    { name: 'a node cannot be exposed', line: 'kubectl expose node node1 --port=80', stderr: 'error: cannot expose a Node\n', exit: 1 },
    { name: 'dry run prints and creates nothing', line: 'kubectl expose deploy web --port=80 --dry-run=client', stdout: 'service/web exposed (dry run)\n' },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', 'kubectl run solo --image=redis', 'kubectl create service clusterip first --tcp=90', 'kubectl patch svc first -p \'{"spec":{"selector":{"app":"web"}}}\'', DEPLOY_WITH_PORTS, 'kubectl apply -f d.yaml');
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.svc) {
      const svc = kit.sandbox.cluster.api.get('services', 'default', c.svc) as Service;
      if (c.spec) expect(svc.spec).toMatchObject(c.spec);
      if (c.labels) expect(svc.metadata.labels).toEqual(c.labels);
    }
    if (c.line.includes('--dry-run')) expect(kit.sandbox.cluster.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });
});
