import { Cluster } from '../cluster';
import { ApiError } from './errors';
import { KubeObject, Service } from './types';
import { newKit } from '../kubectl/verbs/verb-test-kit';

const T0 = Date.UTC(2026, 0, 1);

function svcYaml(name: string, spec: string): string {
  return `cat <<'EOF' | kubectl create -f -\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n${spec}\nEOF`;
}

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ...spec } } as KubeObject;
}

function newCluster(): Cluster {
  return Cluster.create({ seed: 1, start: T0 });
}

const get = (c: Cluster, name: string): Service => c.api.get('services', 'default', name) as Service;

/** the message of the ApiError `run` throws */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof ApiError) return `${e.reason}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('service allocator errors, as kubectl create -f shows them', () => {
  it('refuses a node port in use and one outside 30000-32767', async () => {
    const kit = newKit();
    await kit.setup(svcYaml('a', '  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 30080}]'));
    const cases: [string, string][] = [
      [svcYaml('b', '  type: NodePort\n  selector: {app: b}\n  ports: [{port: 80, nodePort: 30080}]'), 'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n'],
      [svcYaml('c', '  type: NodePort\n  selector: {app: c}\n  ports: [{port: 80, nodePort: 80}]'), 'The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n'],
      [svcYaml('d', '  type: NodePort\n  selector: {app: d}\n  ports: [{name: a, port: 80, nodePort: 30081}, {name: b, port: 81, nodePort: 32768}]'), 'The Service "d" is invalid: spec.ports[1].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767\n'],
      [svcYaml('e', '  type: LoadBalancer\n  selector: {app: e}\n  ports: [{port: 80, nodePort: 30080}]'), 'The Service "e" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n'],
    ];
    for (const [line, stderr] of cases) {
      const r = await kit.sh(line);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', stderr, 1]);
    }
    // the refused services were not stored, and took nothing: 30081 is still free
    await kit.setup(svcYaml('f', '  type: NodePort\n  selector: {app: f}\n  ports: [{port: 80, nodePort: 30081}]'));
    expect((await kit.sh('kubectl get svc -o name')).stdout).toBe('service/a\nservice/f\nservice/kubernetes\n');
  });

  it('refuses a cluster IP in use, one outside 10.96.0.0/12 and one that is not an address', async () => {
    const kit = newKit();
    const range = 'is not in the valid range. The range of valid IPs is 10.96.0.0/12';
    const cases: [string, string][] = [
      // kube-dns holds 10.96.0.10, the kubernetes service 10.96.0.1
      ['10.96.0.10', 'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n'],
      ['10.96.0.1', 'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated\n'],
      ['10.0.0.5', `The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) ${range}\n`],
      // the network and broadcast addresses are not in the range either
      ['10.96.0.0', `The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.0"}: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) ${range}\n`],
      ['10.111.255.255', `The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.111.255.255"}: failed to allocate IP 10.111.255.255: the provided IP (10.111.255.255) ${range}\n`],
      ['10.112.0.1', `The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.112.0.1"}: failed to allocate IP 10.112.0.1: the provided IP (10.112.0.1) ${range}\n`],
      ['10.96.0.300', 'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n'],
      ['fd00::10', 'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster\n'],
    ];
    for (const [ip, stderr] of cases) {
      const r = await kit.sh(svcYaml('x', `  clusterIP: "${ip}"\n  selector: {app: x}\n  ports: [{port: 80}]`));
      expect([ip, r.stderr, r.exitCode]).toEqual([ip, stderr, 1]);
    }
    // the last usable address is in the range
    await kit.setup(svcYaml('last', '  clusterIP: 10.111.255.254\n  selector: {app: x}\n  ports: [{port: 80}]'));
    expect((await kit.sh("kubectl get svc last -o jsonpath='{.spec.clusterIPs}'")).stdout).toBe('["10.111.255.254"]');
  });

  it('reports only the first failure: the address before the node ports', async () => {
    const kit = newKit();
    const r = await kit.sh(svcYaml('x', '  type: NodePort\n  clusterIP: 10.96.0.10\n  selector: {app: x}\n  ports: [{port: 80, nodePort: 80}]'));
    expect(r.stderr).toBe('The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n');
  });

  it('in a server dry run, checks an address only against the range and a port only against those in use', async () => {
    const kit = newKit();
    await kit.setup(svcYaml('a', '  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 30080}]'));
    const dry = (name: string, spec: string): string => svcYaml(name, spec).replace('kubectl create -f -', "kubectl create -f - --dry-run=server -o jsonpath='{.spec.clusterIP} {.spec.ports[*].nodePort}'");
    // an address in use passes (the dry-run IP allocator does not look), and so does a port
    // outside the range (the dry-run port allocator only asks whether it is taken)
    expect((await kit.sh(dry('b', '  type: NodePort\n  clusterIP: 10.96.0.10\n  selector: {app: b}\n  ports: [{port: 80, nodePort: 80}]'))).stdout).toBe('10.96.0.10 80');
    const taken = await kit.sh(dry('b', '  type: NodePort\n  selector: {app: b}\n  ports: [{port: 80, nodePort: 30080}]'));
    expect([taken.stdout, taken.stderr]).toEqual(['', 'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n']);
    // ports to choose get 32769, 32770...; the address to choose is the network's own
    expect((await kit.sh(dry('c', '  type: NodePort\n  selector: {app: c}\n  ports: [{name: a, port: 80}, {name: b, port: 81}]'))).stdout).toBe('10.96.0.0 32769 32770');
    const r = await kit.sh(dry('d', '  clusterIP: 10.0.0.5\n  selector: {app: d}\n  ports: [{port: 80}]'));
    expect(r.stderr).toBe('The Service "d" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n');
    expect((await kit.sh('kubectl get svc -o name')).stdout).toBe('service/a\nservice/kubernetes\n');
  });
});

describe('a refused Service request keeps nothing allocated', () => {
  const replaceYaml = (name: string, spec: string, rv = ''): string =>
    `cat <<'EOF' | kubectl replace -f -\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}${rv ? `, resourceVersion: "${rv}"` : ''}}\nspec:\n${spec}\nEOF`;

  it('an update the registry refuses after allocating leaves its node ports and address free and the Service as it was', async () => {
    const kit = newKit();
    await kit.setup(
      svcYaml('a', '  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 30080}]'),
      svcYaml('web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30070}]'),
      'kubectl create service externalname ext --external-name=example.com',
    );
    const before = (await kit.sh('kubectl get svc web ext -o yaml')).stdout;
    const rv = (await kit.sh("kubectl get svc web -o jsonpath='{.metadata.resourceVersion}'")).stdout;
    const cases: [string, string][] = [
      // a duplicate port: the new node port 30090 is allocated, then validation refuses
      [
        replaceYaml('web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30070}, {name: b, port: 80, nodePort: 30090}]'),
        'The Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n',
      ],
      // an invalid field beside a new node port
      [
        replaceYaml('web', '  type: NodePort\n  externalTrafficPolicy: Bogus\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30091}]'),
        'The Service "web" is invalid: spec.externalTrafficPolicy: Unsupported value: "Bogus": supported values: "Cluster", "Local"\n',
      ],
      // a type that does not exist
      [
        replaceYaml('web', '  type: Foo\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30092}]'),
        'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
      ],
      // 30093 is taken by this operation, then the second port fails: the operation is dropped whole
      [
        replaceYaml('web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30093}, {name: b, port: 81, nodePort: 30080}]'),
        'The Service "web" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n',
      ],
      // a node port outside the range after a good one
      [
        replaceYaml('web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30094}, {name: b, port: 81, nodePort: 32768}]'),
        'The Service "web" is invalid: spec.ports[1].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
      ],
      // node ports allocated, then the health check port fails
      [
        replaceYaml('web', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 30080\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30095}]'),
        'Error from server (InternalError): error when replacing "STDIN": Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated\n',
      ],
      // a stale resourceVersion is refused before anything is allocated
      [
        replaceYaml('web', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, nodePort: 30096}]', String(Number(rv) - 1)),
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again\n',
      ],
      // ExternalName to ClusterIP allocates the address asked for, then validation refuses
      [
        replaceYaml('ext', '  type: ClusterIP\n  clusterIP: 10.96.9.9\n  sessionAffinity: Bogus\n  ports: [{port: 80}]'),
        'The Service "ext" is invalid: spec.sessionAffinity: Unsupported value: "Bogus": supported values: "ClientIP", "None"\n',
      ],
    ];
    for (const [line, stderr] of cases) {
      const r = await kit.sh(line);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', stderr, 1]);
    }
    // the stored Services are unchanged (same resourceVersion, same node port, no address for ext)
    expect((await kit.sh('kubectl get svc web ext -o yaml')).stdout).toBe(before);
    // and every port and address the refused requests asked for goes to the next Service
    await kit.setup(
      svcYaml('next', '  type: NodePort\n  clusterIP: 10.96.9.9\n  selector: {app: next}\n  ports: [' +
        [30090, 30091, 30092, 30093, 30094, 30095, 30096].map((n, i) => `{name: p${i}, port: ${8000 + i}, nodePort: ${n}}`).join(', ') + ']'),
    );
    expect((await kit.sh("kubectl get svc next -o jsonpath='{.spec.clusterIP} {.spec.ports[*].nodePort}'")).stdout).toBe('10.96.9.9 30090 30091 30092 30093 30094 30095 30096');
    expect((await kit.sh('kubectl get svc a web ext')).stdout).toBe(
      [
        'NAME   TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE',
        'a      NodePort       10.100.102.13   <none>        80:30080/TCP   0s',
        'web    NodePort       10.97.154.91    <none>        80:30070/TCP   0s',
        'ext    ExternalName   <none>          example.com   <none>         0s',
        '',
      ].join('\n'),
    );
  });

  it('a create reports the allocation error before validation, as BeginCreate runs first, and keeps nothing', async () => {
    const kit = newKit();
    await kit.setup(svcYaml('a', '  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 30080}]'));
    const cases: [string, string][] = [
      // both wrong: the registry allocates before the strategy validates, so the port is the error
      [
        svcYaml('x', '  type: NodePort\n  externalTrafficPolicy: Bogus\n  selector: {app: x}\n  ports: [{port: 80, nodePort: 30080}]'),
        'The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
      ],
      [
        svcYaml('x', '  clusterIP: 10.96.0.10\n  sessionAffinity: Bogus\n  selector: {app: x}\n  ports: [{port: 80}]'),
        'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
      ],
      // allocation succeeds, validation refuses: what was allocated is not kept
      [
        svcYaml('x', '  type: NodePort\n  clusterIP: 10.96.9.9\n  externalTrafficPolicy: Bogus\n  selector: {app: x}\n  ports: [{port: 80, nodePort: 30090}]'),
        'The Service "x" is invalid: spec.externalTrafficPolicy: Unsupported value: "Bogus": supported values: "Cluster", "Local"\n',
      ],
      [
        svcYaml('x', '  type: NodePort\n  selector: {app: x}\n  ports: [{name: a, port: 80, nodePort: 30091}, {name: b, port: 81, nodePort: 30080}]'),
        'The Service "x" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n',
      ],
    ];
    for (const [line, stderr] of cases) {
      const r = await kit.sh(line);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', stderr, 1]);
    }
    await kit.setup(svcYaml('b', '  type: NodePort\n  clusterIP: 10.96.9.9\n  selector: {app: b}\n  ports: [{name: a, port: 80, nodePort: 30090}, {name: b, port: 81, nodePort: 30091}]'));
    expect((await kit.sh("kubectl get svc b -o jsonpath='{.spec.clusterIP} {.spec.ports[*].nodePort}'")).stdout).toBe('10.96.9.9 30090 30091');
    expect((await kit.sh('kubectl get svc -o name')).stdout).toBe('service/a\nservice/b\nservice/kubernetes\n');
  });
});

describe('service allocator', () => {
  it('chooses distinct node ports above the static band, one for ports of the same number', () => {
    const c = newCluster();
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const ports = [
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'dns-udp', port: 53, protocol: 'UDP' },
        { name: 'http', port: 80 },
      ];
      c.api.create(service(`s${i}`, { type: 'NodePort', ports }));
      const got = get(c, `s${i}`).spec.ports!.map((p) => p.nodePort!);
      expect(got[0]).toBe(got[1]);
      expect(got[2]).not.toBe(got[0]);
      for (const p of [got[0], got[2]]) {
        // the dynamic band of portallocator: 30000 + min(max(16, 2768/32), 128) = 30086 and up
        expect(p).toBeGreaterThanOrEqual(30086);
        expect(p).toBeLessThanOrEqual(32767);
        expect(seen.has(p)).toBe(false);
        seen.add(p);
      }
    }
    // a requested node port is given to the other protocol of the same port number
    c.api.create(service('dns', { type: 'NodePort', ports: [{ name: 'tcp', port: 53, protocol: 'TCP' }, { name: 'udp', port: 53, protocol: 'UDP', nodePort: 30053 }] }));
    expect(get(c, 'dns').spec.ports!.map((p) => p.nodePort)).toEqual([30053, 30053]);
  });

  it('chooses cluster IPs above the static band of 10.96.0.0/12, and the same ones for the same seed', () => {
    const ips = (seed: number): string[] => {
      const c = Cluster.create({ seed, start: T0 });
      return Array.from({ length: 20 }, (_, i) => {
        c.api.create(service(`s${i}`, { ports: [{ port: 80 }] }));
        return get(c, `s${i}`).spec.clusterIP!;
      });
    };
    const a = ips(1);
    expect(ips(1)).toEqual(a);
    expect(ips(2)).not.toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    for (const ip of a) {
      const [o1, o2, o3, o4] = ip.split('.').map(Number);
      const offset = ((o2 - 96) << 16) + (o3 << 8) + o4;
      expect(o1).toBe(10);
      expect(offset).toBeGreaterThan(256);
      expect(offset).toBeLessThan((1 << 20) - 1);
    }
  });

  it('releases a deleted service’s node ports and address', () => {
    const c = newCluster();
    c.api.create(service('a', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(errorOf(() => c.api.create(service('b', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80 }] })))).toBe(
      'Invalid: Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.5.5"}: failed to allocate IP 10.96.5.5: provided IP is already allocated',
    );
    c.api.delete('services', 'default', 'a');
    c.api.create(service('b', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30080 }] }));
    expect([get(c, 'b').spec.clusterIPs, get(c, 'b').spec.ports![0].nodePort]).toEqual([['10.96.5.5'], 30080]);
  });

  it('keeps the allocated values on update, matching node ports by port name', () => {
    const c = newCluster();
    c.api.create(service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'admin', port: 9000 }] }));
    const before = get(c, 'web');
    const [http, admin] = before.spec.ports!.map((p) => p.nodePort);
    // a replace that leaves out clusterIP and the node ports, moves http to 8080 and drops admin
    const next = service('web', { type: 'NodePort', ports: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9100 }] });
    next.metadata.resourceVersion = before.metadata.resourceVersion;
    c.api.update(next);
    const after = get(c, 'web');
    expect(after.spec.clusterIP).toBe(before.spec.clusterIP);
    expect(after.spec.clusterIPs).toEqual(before.spec.clusterIPs);
    expect(after.spec.ports![0].nodePort).toBe(http);
    const metrics = after.spec.ports![1].nodePort!;
    expect(metrics).not.toBe(http);
    expect(metrics).toBeGreaterThanOrEqual(30086);
    // admin's port went with it
    c.api.create(service('other', { type: 'NodePort', ports: [{ port: 80, nodePort: admin }] }));
    expect(get(c, 'other').spec.ports![0].nodePort).toBe(admin);
  });

  it('refuses to change the cluster IP once set', () => {
    const c = newCluster();
    c.api.create(service('web', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] }));
    const next = { ...get(c, 'web'), spec: { ...get(c, 'web').spec, clusterIP: '10.96.8.8' } } as Service;
    expect(errorOf(() => c.api.update(next))).toBe('Invalid: Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.8.8"}: may not change once set');
    expect(get(c, 'web').spec.clusterIP).toBe('10.96.7.7');
  });

  it('allocates node ports when the type becomes NodePort and drops them when it goes back', () => {
    const c = newCluster();
    c.api.create(service('web', { ports: [{ port: 80 }] }));
    const ip = get(c, 'web').spec.clusterIP;
    c.api.update({ ...get(c, 'web'), spec: { ...get(c, 'web').spec, type: 'NodePort' } } as Service);
    const np = get(c, 'web').spec.ports![0].nodePort!;
    expect(np).toBeGreaterThanOrEqual(30086);
    expect(get(c, 'web').spec.clusterIP).toBe(ip);
    // back to ClusterIP with the node port unchanged: the registry drops it, and it is free again
    c.api.update({ ...get(c, 'web'), spec: { ...get(c, 'web').spec, type: 'ClusterIP' } } as Service);
    expect(get(c, 'web').spec.ports![0].nodePort).toBeUndefined();
    c.api.create(service('other', { type: 'NodePort', ports: [{ port: 80, nodePort: np }] }));
    expect(get(c, 'other').spec.ports![0].nodePort).toBe(np);
  });

  it('gives a headless service no address and an ExternalName service none at all', () => {
    const c = newCluster();
    c.api.create(service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }));
    expect([get(c, 'db').spec.clusterIP, get(c, 'db').spec.clusterIPs]).toEqual(['None', ['None']]);
    // another headless service: None is not an address that can be "already allocated"
    c.api.create(service('db2', { clusterIP: 'None', ports: [{ port: 5432 }] }));
    expect(get(c, 'db2').spec.clusterIPs).toEqual(['None']);
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } } as KubeObject);
    const ext = get(c, 'ext');
    expect([ext.spec.clusterIP, ext.spec.clusterIPs, ext.spec.ports]).toEqual([undefined, undefined, undefined]);
  });

  it('releases the address when a service becomes ExternalName and allocates one when it stops being one', () => {
    const c = newCluster();
    c.api.create(service('web', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] }));
    c.api.update({ ...get(c, 'web'), spec: { ...get(c, 'web').spec, type: 'ExternalName', externalName: 'example.com' } } as Service);
    expect([get(c, 'web').spec.clusterIP, get(c, 'web').spec.clusterIPs]).toEqual([undefined, undefined]);
    c.api.create(service('other', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] }));
    const { externalName, ...spec } = get(c, 'web').spec;
    void externalName;
    c.api.update({ ...get(c, 'web'), spec: { ...spec, type: 'ClusterIP' } } as Service);
    const ip = get(c, 'web').spec.clusterIP!;
    expect(ip).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(ip).not.toBe('10.96.7.7');
    expect(get(c, 'web').spec.clusterIPs).toEqual([ip]);
  });

  it('allocates a health check node port for a LoadBalancer with the Local traffic policy', () => {
    const c = newCluster();
    c.api.create(service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
    const lb = get(c, 'lb');
    const hc = lb.spec.healthCheckNodePort as number;
    expect(hc).toBeGreaterThanOrEqual(30086);
    expect(hc).not.toBe(lb.spec.ports![0].nodePort);
    expect(errorOf(() => c.api.create(service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: hc }] })))).toBe(
      `Invalid: Service "np" is invalid: spec.ports[0].nodePort: Invalid value: ${hc}: provided port is already allocated`,
    );
  });
});
