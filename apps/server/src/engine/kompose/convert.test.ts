import { KomposeFs } from './compose-types';
import { ConvertOptions, KomposeConvertError, komposeConvert } from './convert';
import { toYaml } from './print';

function memFs(files: Record<string, string>): KomposeFs {
  return {
    read: (p) => files[p],
    isDir: (p) => Object.keys(files).some((f) => f.startsWith(`${p}/`)),
    list: (p) => Object.keys(files).filter((f) => f.startsWith(`${p}/`) && !f.slice(p.length + 1).includes('/')).map((f) => f.slice(p.length + 1)).sort(),
  };
}

function convert(compose: string, opts: Partial<ConvertOptions> = {}, side: Record<string, string> = {}) {
  const files = { '/app/compose.yaml': compose, ...side };
  return komposeConvert([{ path: 'compose.yaml', content: compose }], { cwd: '/app', fs: memFs(files), env: {}, stdout: true, withKomposeAnnotation: false, ...opts });
}

const byName = (r: ReturnType<typeof convert>, kind: string, name: string) => r.objects.find((o) => o.kind === kind && o.metadata.name === name)!;

describe('komposeConvert', () => {
  it('makes a Deployment and, with ports, a Service; Services come first', () => {
    const r = convert('services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n  db:\n    image: mysql\n');
    expect(r.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Service/web', 'Deployment/db', 'Deployment/web']);
    expect(r.stdout.startsWith('---\napiVersion: v1\nkind: Service\n')).toBe(true);
  });

  it('stamps kompose.cmd and kompose.version unless told not to', () => {
    const r = convert('services:\n  web:\n    image: nginx\n', { withKomposeAnnotation: true, cmd: 'kompose convert --stdout' });
    const d = byName(r, 'Deployment', 'web');
    expect(d.metadata.annotations).toEqual({ 'kompose.cmd': 'kompose convert --stdout', 'kompose.version': '1.38.0 (a8f5d1cbd)' });
    expect(d.spec.template.metadata.annotations).toEqual(d.metadata.annotations);
  });

  it('makes a Pod for restart "no" and on-failure, and logs why', () => {
    const r = convert('services:\n  job:\n    image: busybox\n    restart: on-failure\n');
    expect(byName(r, 'Pod', 'job').spec.restartPolicy).toBe('OnFailure');
    expect(r.entries).toContainEqual({ level: 'info', message: 'Create kubernetes pod instead of pod controller due to restart policy: on-failure' });
  });

  it('maps service types from the kompose.service.type label', () => {
    const r = convert(
      'services:\n  a:\n    image: x\n    ports: ["80"]\n    labels:\n      kompose.service.type: nodeport\n      kompose.service.nodeport.port: "30080"\n  b:\n    image: x\n    ports: ["80"]\n    labels: [kompose.service.type=LoadBalancer]\n  c:\n    image: x\n    labels:\n      kompose.service.type: headless\n',
    );
    expect(byName(r, 'Service', 'a').spec).toEqual({ ports: [{ name: '80', port: 80, targetPort: 80, nodePort: 30080 }], type: 'NodePort', selector: { 'io.kompose.service': 'a' } });
    expect(byName(r, 'Service', 'b').spec.type).toBe('LoadBalancer');
    expect(byName(r, 'Service', 'c').spec).toEqual({ clusterIP: 'None', ports: [{ name: 'headless', port: 55555, targetPort: 0 }], selector: { 'io.kompose.service': 'c' } });
  });

  it('refuses an unknown service type', () => {
    expect(() => convert('services:\n  a:\n    image: x\n    labels:\n      kompose.service.type: ingress\n')).toThrow(
      "handleServiceType failed: Unknown value ingress, supported values are 'nodeport, clusterip, headless or loadbalancer'",
    );
  });

  it('names claims after named volumes, <svc>-claim<i> otherwise, with sizes from labels and flags', () => {
    const compose = 'services:\n  db:\n    image: mysql\n    volumes:\n      - data:/var/lib/mysql\n      - ./conf:/etc/mysql/conf.d:ro\nvolumes:\n  data:\n    labels:\n      kompose.volume.size: 1Gi\n';
    const r = convert(compose, { pvcRequestSize: '500Mi' });
    expect(byName(r, 'PersistentVolumeClaim', 'data').spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    expect(byName(r, 'PersistentVolumeClaim', 'db-claim1').spec).toEqual({ accessModes: ['ReadOnlyMany'], resources: { requests: { storage: '500Mi' } } });
    const d = byName(r, 'Deployment', 'db');
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec.template.spec.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'db-claim1', persistentVolumeClaim: { claimName: 'db-claim1', readOnly: true } },
    ]);
    expect(r.entries).toContainEqual({ level: 'warning', message: 'Volume mount on the host "/app/conf" isn\'t supported - ignoring path on the host' });
  });

  it('makes ConfigMaps of bind-mounted files and directories with files, claims otherwise', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    ports: ["80"]\n    volumes:\n      - ./html:/usr/share/nginx/html\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./empty:/data\n';
    const r = convert(compose, {}, { '/app/html/index.html': '<h1>hola</h1>\n', '/app/nginx.conf': 'events {}\n' });
    expect(r.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Service/web', 'Deployment/web', 'PersistentVolumeClaim/web-claim2', 'ConfigMap/web-cm0', 'ConfigMap/web-cm1']);
    expect(byName(r, 'ConfigMap', 'web-cm0').data).toEqual({ 'index.html': '<h1>hola</h1>\n' });
    const spec = byName(r, 'Deployment', 'web').spec.template.spec;
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'web-cm0', mountPath: '/usr/share/nginx/html' },
      { name: 'web-cm1', mountPath: '/etc/nginx/nginx.conf', readOnly: true, subPath: 'nginx.conf' },
      { name: 'web-claim2', mountPath: '/data' },
    ]);
    expect(spec.volumes[1]).toEqual({ name: 'web-cm1', configMap: { name: 'web-cm1', items: [{ key: 'nginx.conf', path: 'nginx.conf' }] } });
    expect(r.entries.map((e) => e.message)).toEqual([
      "File don't exist or failed to check if the directory is empty: stat /app/empty: no such file or directory",
      'Volume mount on the host "/app/empty" isn\'t supported - ignoring path on the host',
    ]);
  });

  it('uses hostPath volumes with --volumes hostPath', () => {
    const r = convert('services:\n  web:\n    image: nginx\n    volumes: ["./html:/usr/share/nginx/html"]\n', { volumes: 'hostPath' });
    expect(byName(r, 'Deployment', 'web').spec.template.spec.volumes).toEqual([{ name: 'web-hostpath0', hostPath: { path: '/app/html' } }]);
    expect(r.objects.some((o) => o.kind === 'PersistentVolumeClaim')).toBe(false);
  });

  it('turns env files into ConfigMaps and keeps only the other variables in env', () => {
    const r = convert('services:\n  web:\n    image: nginx\n    env_file: app.env\n    environment:\n      B: "2"\n      A: from-compose\n', {}, { '/app/app.env': 'A=from-file\nC=3\n' });
    const c = byName(r, 'Deployment', 'web').spec.template.spec.containers[0];
    expect(c.env).toEqual([{ name: 'B', value: '2' }]);
    expect(c.envFrom).toEqual([{ configMapRef: { name: 'app-env' } }]);
    expect(byName(r, 'ConfigMap', 'app-env')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-env', labels: { 'io.kompose.service': 'web-app-env' } }, data: { A: 'from-file', C: '3' } });
  });

  it('interpolates from .env, the environment and defaults, warning about unset variables', () => {
    const r = komposeConvert([{ path: 'compose.yaml', content: 'services:\n  web:\n    image: nginx:${TAG}\n    ports: ["${PORT:-8080}:80"]\n    command: echo $NOPE\n' }], {
      cwd: '/app',
      fs: memFs({ '/app/.env': 'TAG=1.25\n' }),
      env: {},
      stdout: true,
    });
    const d = byName(r, 'Deployment', 'web');
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.25');
    expect(byName(r, 'Service', 'web').spec.ports[0].port).toBe(8080);
    expect(r.entries).toContainEqual({ level: 'warning', message: 'The "NOPE" variable is not set. Defaulting to a blank string.' });
  });

  it('takes --replicas over deploy.replicas, and deploy.replicas over the default', () => {
    const compose = 'services:\n  a:\n    image: x\n    deploy:\n      replicas: 3\n  b:\n    image: x\n';
    expect(byName(convert(compose), 'Deployment', 'a').spec.replicas).toBe(3);
    expect(byName(convert(compose), 'Deployment', 'b').spec.replicas).toBe(1);
    expect(byName(convert(compose, { replicas: 5 }), 'Deployment', 'a').spec.replicas).toBe(5);
  });

  it('adds a Namespace and namespaces everything with -n', () => {
    const r = convert('services:\n  web:\n    image: nginx\n', { namespace: 'shop' });
    expect(r.objects.map((o) => [o.kind, o.metadata.namespace])).toEqual([
      ['Namespace', 'shop'],
      ['Deployment', 'shop'],
    ]);
  });

  it('maps command, entrypoint, healthcheck, read_only, container_name and depends_on', () => {
    const compose = `services:
  api:
    image: node
    container_name: My_Api
    entrypoint: ["node"]
    command: server.js --port 3000
    read_only: true
    depends_on: [db]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 1m
  db:
    image: postgres
`;
    const c = byName(convert(compose), 'Deployment', 'api').spec.template.spec.containers[0];
    expect(c).toEqual({
      name: 'my-api',
      image: 'node',
      command: ['node'],
      args: ['server.js', '--port', '3000'],
      securityContext: { readOnlyRootFilesystem: true },
      livenessProbe: { exec: { command: ['curl', '-f', 'http://localhost'] }, timeoutSeconds: 5, periodSeconds: 30, failureThreshold: 3, initialDelaySeconds: 60 },
    });
  });

  it('fails as compose does on undefined volumes, dependencies and missing images', () => {
    expect(() => convert('services:\n  a:\n    image: x\n    volumes: ["data:/d"]\n')).toThrow('Unable to load files: service "a" refers to undefined volume data: invalid compose project');
    expect(() => convert('services:\n  a:\n    image: x\n    depends_on: [b]\n')).toThrow('Unable to load files: service "a" depends on undefined service "b": invalid compose project');
    expect(() => convert('services:\n  a:\n    ports: ["80"]\n')).toThrow('Unable to load files: service "a" has neither an image nor a build context specified: invalid compose project');
  });

  it('reports invalid YAML with the log lines printed before the error', () => {
    try {
      convert('version: "3"\nservices:\n  web:\n    image: nginx\n   ports: ["80"]\n');
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(KomposeConvertError);
      expect((e as Error).message).toMatch(/^Unable to load files: yaml: line \d+: /);
    }
  });

  it('warns that the version attribute is obsolete', () => {
    const r = convert('version: "3.8"\nservices:\n  web:\n    image: nginx\n');
    expect(r.entries[0]).toEqual({ level: 'warning', message: '/app/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion' });
  });

  it('writes files named <name>-<kind>.yaml, or .json with -j, or one file with -o FILE', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    ports: ["80"]\n';
    expect(convert(compose, { stdout: false }).files.map((f) => f.name)).toEqual(['web-service.yaml', 'web-deployment.yaml']);
    expect(convert(compose, { stdout: false, json: true }).files.map((f) => f.name)).toEqual(['web-service.json', 'web-deployment.json']);
    const single = convert(compose, { stdout: false, out: 'all.yaml' });
    expect(single.files.map((f) => f.name)).toEqual(['all.yaml']);
    expect(single.files[0].content.match(/^---$/gm)).toHaveLength(2);
    expect(single.log).toEqual([`\x1b[36mINFO\x1b[0m ${'Kubernetes file "all.yaml" created'.padEnd(44)} \n`]);
  });

  it('prints YAML as kompose does: sorted keys, quoted look-alikes, indented lists', () => {
    const r = convert('services:\n  web:\n    image: nginx\n    environment:\n      DEBUG: "yes"\n    ports: ["8080:80"]\n');
    expect(toYaml(byName(r, 'Deployment', 'web'))).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    io.kompose.service: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      io.kompose.service: web
  template:
    metadata:
      labels:
        io.kompose.service: web
    spec:
      containers:
        - env:
            - name: DEBUG
              value: "yes"
          image: nginx
          name: web
          ports:
            - containerPort: 80
              protocol: TCP
      restartPolicy: Always
`);
  });
});
