import { Sandbox, VirtualClock } from '../sandbox';
import type { Pod } from '../api/types';
import { generatedVolumeFiles, subPathFiles } from './generated-volumes';

const START = Date.UTC(2026, 0, 1);

async function run(s: Sandbox, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await s.run(s.newSession(), line, undefined, { isTTY: false });
  return { out: r.result.stdout, err: r.result.stderr, code: r.result.exitCode };
}

const OBJECTS = [
  'kubectl create configmap cfg --from-literal=a=1 --from-literal=b.txt=hello',
  'kubectl create secret generic sec --from-literal=password=s3cr3t --from-literal=user=admin',
];

/** one pod mounting the four kinds, in a busybox container and a Debian (nginx) one */
const POD = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: vols
  labels: {app: demo, tier: web}
spec:
  volumes:
  - name: cfg
    configMap: {name: cfg}
  - name: mapped
    configMap: {name: cfg, items: [{key: b.txt, path: conf/greeting, mode: 0600}]}
  - name: sec
    secret: {secretName: sec, defaultMode: 0400}
  - name: info
    downwardAPI:
      items:
      - {path: name, fieldRef: {fieldPath: metadata.name}}
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: tier, fieldRef: {fieldPath: "metadata.labels['tier']"}}
  - name: all
    projected:
      defaultMode: 0440
      sources:
      - configMap: {name: cfg, items: [{key: a, path: cfg-a}]}
      - secret: {name: sec, items: [{key: password, path: pw, mode: 0400}]}
      - downwardAPI: {items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}]}
  containers:
  - name: box
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
    - {name: mapped, mountPath: /etc/mapped}
    - {name: mapped, mountPath: /etc/greeting, subPath: conf/greeting}
    - {name: sec, mountPath: /etc/secret}
    - {name: info, mountPath: /etc/podinfo}
    - {name: all, mountPath: /etc/all}
  - name: web
    image: nginx
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
EOF`;

async function sandbox(): Promise<Sandbox> {
  const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
  for (const l of [...OBJECTS, POD]) expect((await run(s, l)).code).toBe(0);
  await run(s, 'sleep 20');
  return s;
}

describe('configMap, secret, downwardAPI and projected volumes through kubectl exec', () => {
  it('reads and lists each kind: keys as files, items mapped to their paths with their modes, secrets decoded', async () => {
    const s = await sandbox();
    const cases: [string, string][] = [
      ['ls /etc/config', 'a\nb.txt\n'],
      ['cat /etc/config/b.txt', 'hello'],
      ['cat /etc/config/a', '1'],
      // the kubelet wrote them when it set the volume up (-L: on a real node they are links into ..data)
      ['ls -lL /etc/config', 'total 8\n-rw-r--r-- 1 root root 1 Jan  1 00:00 a\n-rw-r--r-- 1 root root 5 Jan  1 00:00 b.txt\n'],
      // items: only the mapped key, at its path, with its mode
      ['ls /etc/mapped', 'conf\n'],
      ['ls /etc/mapped/conf', 'greeting\n'],
      ['ls -lL /etc/mapped/conf', 'total 4\n-rw------- 1 root root 5 Jan  1 00:00 greeting\n'],
      // a subPath of one key is that file at the mount path
      ['cat /etc/greeting', 'hello'],
      // defaultMode; the values decoded
      ['ls -lL /etc/secret', 'total 8\n-r-------- 1 root root 6 Jan  1 00:00 password\n-r-------- 1 root root 5 Jan  1 00:00 user\n'],
      ['cat /etc/secret/password', 's3cr3t'],
      // the downward API: fields as files, labels as key="value" lines
      ['ls /etc/podinfo', 'labels\nname\ntier\n'],
      ['cat /etc/podinfo/name', 'vols'],
      ['cat /etc/podinfo/labels', 'app="demo"\ntier="web"'],
      ['cat /etc/podinfo/tier', 'web'],
      // projected: the sources side by side, the volume's defaultMode unless an item says otherwise
      ['ls -lL /etc/all', 'total 12\n-r--r----- 1 root root 1 Jan  1 00:00 cfg-a\n-r--r----- 1 root root 7 Jan  1 00:00 ns\n-r-------- 1 root root 6 Jan  1 00:00 pw\n'],
      ["sh -c 'cat /etc/all/cfg-a /etc/all/pw /etc/all/ns'", '1s3cr3tdefault'],
      // the service account volume every pod has
      ['ls /var/run/secrets/kubernetes.io/serviceaccount', 'ca.crt\nnamespace\ntoken\n'],
    ];
    for (const [cmd, out] of cases) expect([cmd, await run(s, `kubectl exec vols -c box -- ${cmd}`)]).toEqual([cmd, { out, err: '', code: 0 }]);
    // the volume's own directory: an emptyDir on disk for a configMap (0777), a tmpfs for a secret (1777)
    expect((await run(s, 'kubectl exec vols -c box -- ls -ld /etc/config')).out).toMatch(/^drwxrwxrwx .* Jan {2}1 00:00 \/etc\/config\n$/);
    expect((await run(s, 'kubectl exec vols -c box -- ls -ld /etc/secret')).out).toMatch(/^drwxrwxrwt .* Jan {2}1 00:00 \/etc\/secret\n$/);
  });

  it('writes fail with Read-only file system, in each shell and tool own words', async () => {
    const s = await sandbox();
    const fail = (err: string) => ({ out: '', err: `${err}\ncommand terminated with exit code 1\n`, code: 1 });
    const cases: [string, ReturnType<typeof fail>][] = [
      ["kubectl exec vols -c box -- sh -c 'echo x > /etc/config/a'", fail("sh: can't create /etc/config/a: Read-only file system")],
      ['kubectl exec vols -c box -- touch /etc/secret/new', fail('touch: /etc/secret/new: Read-only file system')],
      ['kubectl exec vols -c box -- rm /etc/podinfo/name', fail("rm: can't remove '/etc/podinfo/name': Read-only file system")],
      ['kubectl exec vols -c box -- mkdir /etc/all/d', fail("mkdir: can't create directory '/etc/all/d': Read-only file system")],
      ['kubectl exec vols -c box -- cp /etc/hostname /etc/config/', fail("cp: can't create '/etc/config/hostname': Read-only file system")],
      ["kubectl exec vols -c box -- sh -c 'echo x > /var/run/secrets/kubernetes.io/serviceaccount/token'", fail("sh: can't create /var/run/secrets/kubernetes.io/serviceaccount/token: Read-only file system")],
      // Debian's dash, bash and GNU coreutils
      ["kubectl exec vols -c web -- sh -c 'echo x > /etc/config/a'", fail('sh: 1: cannot create /etc/config/a: Read-only file system')],
      ["kubectl exec vols -c web -- bash -c 'echo x > /etc/config/a'", fail('bash: /etc/config/a: Read-only file system')],
      ['kubectl exec vols -c web -- touch /etc/config/new', fail("touch: cannot touch '/etc/config/new': Read-only file system")],
      ['kubectl exec vols -c web -- rm /etc/config/a', fail("rm: cannot remove '/etc/config/a': Read-only file system")],
    ];
    for (const [line, want] of cases) expect([line, await run(s, line)]).toEqual([line, want]);
    // nothing changed
    expect(await run(s, 'kubectl exec vols -c box -- cat /etc/config/a')).toEqual({ out: '1', err: '', code: 0 });
  });

  it('follow the objects: an edited ConfigMap is what the next exec reads', async () => {
    const s = await sandbox();
    expect((await run(s, `kubectl patch configmap cfg -p '{"data":{"a":"2","b.txt":null,"c":"new"}}'`)).code).toBe(0);
    expect(await run(s, 'kubectl exec vols -c box -- ls /etc/config')).toEqual({ out: 'a\nc\n', err: '', code: 0 });
    expect((await run(s, 'kubectl exec vols -c box -- cat /etc/config/a')).out).toBe('2');
  });

  it('a container own command lists and reads them when it starts', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, `kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: "1\\n", b.txt: "hello\\n"}
EOF`);
    await run(
      s,
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata: {name: lister}
spec:
  restartPolicy: Never
  volumes:
  - {name: cfg, configMap: {name: cfg}}
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "ls /etc/config; cat /etc/config/b.txt; cat /etc/one"]
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
    - {name: cfg, mountPath: /etc/one, subPath: a}
EOF`,
    );
    await run(s, 'sleep 30');
    expect(await run(s, 'kubectl logs lister')).toEqual({ out: 'a\nb.txt\nhello\n1\n', err: '', code: 0 });
  });
});

describe('generatedVolumeFiles', () => {
  const objects: Record<string, unknown> = {
    'configmaps/default/cm': { data: { 'app.ini': 'x=1\n' }, binaryData: { 'logo.bin': 'aGk=' } },
    'nodes//node1': { status: { allocatable: { cpu: '2', memory: '4Gi' } } },
  };
  const get = (r: string, ns: string | undefined, n: string): unknown => objects[`${r}/${ns ?? ''}/${n}`];
  const pod = (spec: Partial<Pod['spec']>, labels?: Record<string, string>): Pod =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...(labels ? { labels } : {}) }, spec: { nodeName: 'node1', containers: [{ name: 'c', image: 'busybox', resources: { limits: { memory: '64Mi' } } }], ...spec } }) as Pod;

  it('binaryData decoded; with an fsGroup the files are group readable', () => {
    expect(generatedVolumeFiles(get, pod({}), { name: 'v', configMap: { name: 'cm', defaultMode: 0o600 } })).toEqual({ 'app.ini': { content: 'x=1\n', mode: 0o600 }, 'logo.bin': { content: 'hi', mode: 0o600 } });
    expect(generatedVolumeFiles(get, pod({ securityContext: { fsGroup: 2000 } }), { name: 'v', configMap: { name: 'cm', defaultMode: 0o600 } })?.['app.ini'].mode).toBe(0o640);
  });

  it('the downward API: resource limits (the node allocatable when unset) and Go-quoted label values', () => {
    const files = generatedVolumeFiles(get, pod({}, { say: 'a "b"' }), {
      name: 'v',
      downwardAPI: {
        items: [
          { path: 'mem', resourceFieldRef: { containerName: 'c', resource: 'limits.memory', divisor: '1Mi' } },
          { path: 'cpu', resourceFieldRef: { containerName: 'c', resource: 'limits.cpu' } },
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        ],
      },
    });
    expect(files).toEqual({ mem: { content: '64', mode: 0o644 }, cpu: { content: '2', mode: 0o644 }, labels: { content: 'say="a \\"b\\""', mode: 0o644 } });
  });

  it('a subPath picks a file or a directory of the volume', () => {
    const files = { a: { content: '1', mode: 0o644 }, 'd/x': { content: '2', mode: 0o644 }, 'd/y': { content: '3', mode: 0o644 } };
    expect(subPathFiles(files, 'a')).toEqual({ '': files.a });
    expect(subPathFiles(files, 'd/')).toEqual({ x: files['d/x'], y: files['d/y'] });
    expect(subPathFiles(files, 'nope')).toEqual({});
    expect(subPathFiles(files, undefined)).toBe(files);
  });
});
