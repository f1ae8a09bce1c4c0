import { Cluster } from '../../cluster';
import { KubeEvent, Pod } from '../../api/types';
import { containerLogs } from './logs';

const START = Date.UTC(2026, 0, 1);
const S = 1000;

function mk(name: string, containers: Pod['spec']['containers'], extra: Partial<Pod['spec']> = {}, node = 'node1'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, containers, ...extra } } as Pod;
}
const get = (c: Cluster, name: string): Pod => c.api.get('pods', 'default', name) as Pod;
const evs = (c: Cluster, name: string): string[] =>
  (c.api.list('events', { namespace: 'default' }) as KubeEvent[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}${(e.count ?? 1) > 1 ? ` x${e.count}` : ''}`);

function fresh(): Cluster {
  return Cluster.create({ seed: 7, start: START });
}

describe('image pulls', () => {
  it('unknown repository: ErrImagePull, then ImagePullBackOff with the real texts', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('bad', [{ name: 'bad', image: 'nginxx' }])));
    c.step(START + 3 * S);
    let cs = get(c, 'bad').status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('ErrImagePull');
    const err =
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(cs.state.waiting?.message).toBe(err);
    // the sandbox's PLEG event has the pod synced again at once: within the back-off, ImagePullBackOff,
    // whose message keeps the pull's error since v1.32 (kubernetes#127918)
    c.step(START + 5 * S);
    cs = get(c, 'bad').status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('ImagePullBackOff');
    expect(cs.state.waiting?.message).toBe(`Back-off pulling image "nginxx": ErrImagePull: ${err}`);
    expect(evs(c, 'bad')).toEqual([
      'Normal Pulling Pulling image "nginxx"',
      `Warning Failed Failed to pull image "nginxx": ${err}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginxx"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    // the pod worker's next sync, 10-15 s later, is past the first back-off (10 s): it pulls again
    c.step(START + 20 * S);
    cs = get(c, 'bad').status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('ErrImagePull');
    expect(evs(c, 'bad')[0]).toBe('Normal Pulling Pulling image "nginxx" x2');
    expect(get(c, 'bad').status!.phase).toBe('Pending');
    // retries: 10 s, 20 s, 40 s ... after each failure
    c.step(START + 120 * S);
    expect(evs(c, 'bad')[0]).toMatch(/Pulling image "nginxx" x[45]/);
  });

  it('unknown tag: not found', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('tag', [{ name: 'tag', image: 'nginx:1.999' }])));
    c.step(START + 3 * S);
    expect(get(c, 'tag').status!.containerStatuses![0].state.waiting?.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    );
  });

  it('an image already on the machine is not pulled again', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('a', [{ name: 'a', image: 'nginx:1.27' }])));
    c.at(START + 30 * S, () => c.api.create(mk('b', [{ name: 'b', image: 'nginx:1.27' }])));
    c.step(START + 40 * S);
    expect(evs(c, 'b')).toEqual(['Normal Pulled Container image "nginx:1.27" already present on machine', 'Normal Created Created container: b', 'Normal Started Started container b']);
    expect(get(c, 'b').status!.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(get(c, 'b').status!.podIP).not.toBe(get(c, 'a').status!.podIP);
  });
});

describe('containers', () => {
  it('mariadb without a password exits 1 with its error and crash-loops', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('db', [{ name: 'db', image: 'mariadb:10.11' }])));
    c.step(START + 60 * S);
    const p = get(c, 'db');
    const cs = p.status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.lastState.terminated?.exitCode).toBe(1);
    expect(cs.lastState.terminated?.reason).toBe('Error');
    const logs = containerLogs(c, 'default', 'db');
    expect(logs.ok && logs.text.split('\n').slice(1, 3)).toEqual([
      expect.stringContaining('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified'),
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
    ]);
    expect(evs(c, 'db').some((e) => e.startsWith(`Warning BackOff Back-off restarting failed container db in pod db_default(${p.metadata.uid})`))).toBe(true);
  });

  it('sleep 5 with restartPolicy Never completes', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('s', [{ name: 's', image: 'busybox', command: ['sleep', '5'] }], { restartPolicy: 'Never' })));
    c.step(START + 30 * S);
    const p = get(c, 's');
    expect(p.status!.phase).toBe('Succeeded');
    expect(p.status!.containerStatuses![0].state.terminated?.reason).toBe('Completed');
    expect(p.status!.conditions!.map((x) => `${x.type}=${x.status}${x.reason ? `/${x.reason}` : ''}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True/PodCompleted',
      'Ready=False/PodCompleted',
      'ContainersReady=False/PodCompleted',
      'PodScheduled=True',
    ]);
  });

  it('a logging loop writes lines over time, computed lazily', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('counter', [{ name: 'count', image: 'busybox:1.28', args: ['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }])));
    c.step(START + 3600 * S);
    const r = containerLogs(c, 'default', 'counter', { tailLines: 2 });
    expect(r.ok).toBe(true);
    const lines = r.ok ? r.text.trimEnd().split('\n') : [];
    expect(lines).toHaveLength(2);
    const n = Number(lines[1].split(':')[0]);
    expect(n).toBeGreaterThan(3500);
    expect(lines[1]).toMatch(/^\d+: Thu Jan {2}1 \d\d:\d\d:\d\d UTC 2026$/);
  });

  it('CreateContainerConfigError for a missing ConfigMap, then recovery', () => {
    const c = fresh();
    c.at(START + S, () =>
      c.api.create(mk('cfg', [{ name: 'cfg', image: 'nginx', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }])),
    );
    c.step(START + 20 * S);
    let cs = get(c, 'cfg').status!.containerStatuses![0];
    expect(cs.state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "settings" not found' });
    expect(evs(c, 'cfg')).toContain('Warning Failed Error: configmap "settings" not found');
    c.at(START + 30 * S, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'fast' } }));
    c.step(START + 40 * S);
    cs = get(c, 'cfg').status!.containerStatuses![0];
    expect(cs.state.running).toBeDefined();
  });

  it('the image is pulled before the config is read: a missing ConfigMap fails after the pull (startContainer)', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('cfg', [{ name: 'cfg', image: 'nginx:1.27', envFrom: [{ configMapRef: { name: 'nope' } }] }])));
    c.step(START + 20 * S);
    expect(evs(c, 'cfg').map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual(['Normal Pulling', 'Normal Pulled', 'Warning Failed']);
    expect(evs(c, 'cfg')[2]).toBe('Warning Failed Error: configmap "nope" not found');
    // the retry finds the image on the machine
    c.at(START + 30 * S, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nope', namespace: 'default' }, data: {} }));
    c.step(START + 40 * S);
    expect(evs(c, 'cfg')).toContain('Normal Pulled Container image "nginx:1.27" already present on machine');
    expect(get(c, 'cfg').status!.containerStatuses![0].state.running).toBeDefined();
  });

  it('InvalidImageName for a name the kubelet cannot parse, in its words, until the image is fixed', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('bad', [{ name: 'web', image: 'Nginx' }])));
    c.step(START + 20 * S);
    const why = 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(get(c, 'bad').status!.containerStatuses![0].state.waiting).toEqual({ reason: 'InvalidImageName', message: why });
    expect(get(c, 'bad').status!.phase).toBe('Pending');
    expect(evs(c, 'bad')).toEqual([`Warning InspectFailed ${why}`, 'Warning Failed Error: InvalidImageName']);
    // nothing was pulled, and nothing more happens on its own
    expect(c.nextTransitionAt() === undefined || c.nextTransitionAt()! > START + 60 * S).toBe(true);
    const pod = get(c, 'bad');
    c.at(START + 30 * S, () => c.api.update({ ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: 'nginx' }] } }));
    c.step(START + 60 * S);
    const cs = get(c, 'bad').status!.containerStatuses![0];
    expect(cs.state.running).toBeDefined();
    expect(cs.restartCount).toBe(0);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
  });

  it('ErrImageNeverPull records the kubelet event and the Error event of startContainer', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('never', [{ name: 'n', image: 'nginx:1.25', imagePullPolicy: 'Never' }])));
    c.step(START + 10 * S);
    expect(evs(c, 'never')).toEqual(['Warning ErrImageNeverPull Container image "nginx:1.25" is not present with pull policy of Never', 'Warning Failed Error: ErrImageNeverPull']);
  });

  it('init containers run in order before the app', () => {
    const c = fresh();
    c.at(START + S, () =>
      c.api.create(
        mk('init', [{ name: 'app', image: 'nginx' }], {
          initContainers: [
            { name: 'one', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 2'] },
            { name: 'two', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
          ],
        }),
      ),
    );
    c.step(START + 5 * S);
    expect(get(c, 'init').status!.initContainerStatuses![0].state.running).toBeDefined();
    expect(get(c, 'init').status!.containerStatuses![0].state.waiting?.reason).toBe('PodInitializing');
    c.step(START + 40 * S);
    const p = get(c, 'init');
    expect(p.status!.phase).toBe('Running');
    expect(p.status!.initContainerStatuses!.map((s) => s.state.terminated?.reason)).toEqual(['Completed', 'Completed']);
  });

  it('readiness probe on a port nothing listens on: Unhealthy, never ready', () => {
    const c = fresh();
    c.at(START + S, () =>
      c.api.create(mk('rp', [{ name: 'rp', image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 } }])),
    );
    c.step(START + 60 * S);
    const p = get(c, 'rp');
    expect(p.status!.containerStatuses![0].ready).toBe(false);
    expect(evs(c, 'rp')).toContain(`Warning Unhealthy Readiness probe failed: Get "http://${p.status!.podIP}:8080/healthz": dial tcp ${p.status!.podIP}:8080: connect: connection refused`);
  });

  it('graceful deletion: Killing, then the pod goes', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('web', [{ name: 'web', image: 'nginx' }])));
    c.at(START + 30 * S, () => c.api.create(mk('sl', [{ name: 'sl', image: 'busybox', command: ['sleep', '3600'] }])));
    c.step(START + 60 * S);
    c.at(START + 61 * S, () => {
      c.api.delete('pods', 'default', 'web');
      c.api.delete('pods', 'default', 'sl');
    });
    expect(evs(c, 'web')).toContain('Normal Killing Stopping container web');
    c.step(START + 62 * S);
    expect(c.api.tryGet('pods', 'default', 'web')).toBeUndefined();
    expect(c.api.tryGet('pods', 'default', 'sl')).toBeDefined();
    c.step(START + 92 * S);
    expect(c.api.tryGet('pods', 'default', 'sl')).toBeUndefined();
  });
});

describe('logs errors', () => {
  it('answers as the API server does', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('two', [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }])));
    expect(containerLogs(c, 'default', 'two')).toEqual({ ok: false, status: 'BadRequest', message: 'a container name must be specified for pod two, choose one of: [a b]' });
    expect(containerLogs(c, 'default', 'two', { container: 'a' })).toEqual({ ok: false, status: 'BadRequest', message: 'container "a" in pod "two" is waiting to start: ContainerCreating' });
    c.step(START + 30 * S);
    expect(containerLogs(c, 'default', 'two', { container: 'a', previous: true })).toEqual({ ok: false, status: 'BadRequest', message: 'previous terminated container "a" in pod "two" not found' });
    const r = containerLogs(c, 'default', 'two', { container: 'b' });
    expect(r.ok && r.text).toContain('Ready to accept connections tcp');
  });
});

describe('static pods', () => {
  it('mirror pods exist and come back when deleted', () => {
    const c = fresh();
    const p = get2(c, 'etcd-master');
    expect(p.status!.phase).toBe('Running');
    expect(p.status!.podIP).toBe('192.168.56.10');
    expect(p.metadata.annotations!['kubernetes.io/config.source']).toBe('file');
    expect(p.metadata.ownerReferences![0]).toMatchObject({ kind: 'Node', name: 'master', controller: true });
    const started = p.status!.containerStatuses![0].state.running!.startedAt;
    c.at(START + 10 * S, () => c.api.delete('pods', 'kube-system', 'etcd-master'));
    const back = get2(c, 'etcd-master');
    expect(back.metadata.uid).not.toBe(p.metadata.uid);
    c.step(START + 12 * S);
    expect(get2(c, 'etcd-master').status!.containerStatuses![0].state.running!.startedAt).toBe(started);
  });
});

function get2(c: Cluster, name: string): Pod {
  return c.api.get('pods', 'kube-system', name) as Pod;
}

describe('liveness and machines', () => {
  it('a failing liveness probe kills and restarts the container', () => {
    const c = fresh();
    c.at(START + S, () =>
      c.api.create(mk('lp', [{ name: 'lp', image: 'nginx', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 3, periodSeconds: 3 } }])),
    );
    c.step(START + 40 * S);
    const cs = get(c, 'lp').status!.containerStatuses![0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(evs(c, 'lp')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404/), expect.stringMatching(/^Normal Killing Container lp failed liveness probe, will be restarted/)]),
    );
  });

  it('a pod on a machine whose kubelet is stopped keeps its status', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('bb', [{ name: 'bb', image: 'busybox' }])));
    c.step(START + 20 * S);
    c.at(START + 20 * S, () => {
      c.runtime.machines.node1.kubeletRunning = false;
      c.enqueue('kubelet', 'machine:node1');
    });
    const before = get(c, 'bb').status;
    c.step(START + 600 * S);
    expect(get(c, 'bb').status!.containerStatuses).toEqual(before!.containerStatuses);
    c.at(START + 601 * S, () => {
      c.runtime.machines.node1.kubeletRunning = true;
      c.enqueue('kubelet', 'machine:node1');
    });
    c.step(START + 700 * S);
    expect(get(c, 'bb').status!.containerStatuses![0].restartCount).toBeGreaterThan(before!.containerStatuses![0].restartCount);
  });
});

describe('power cycle', () => {
  it('containers of a machine that was off restart when it comes back', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('web', [{ name: 'web', image: 'nginx' }])));
    c.step(START + 20 * S);
    c.at(START + 21 * S, () => {
      c.runtime.machines.node1.poweredOn = false;
      c.enqueue('kubelet', 'machine:node1');
    });
    c.at(START + 30 * S, () => {
      c.runtime.machines.node1.poweredOn = true;
      c.enqueue('kubelet', 'machine:node1');
    });
    c.step(START + 40 * S);
    const cs = get(c, 'web').status!.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(cs.state.running).toBeDefined();
  });
});

describe('the liveness exec example of the Kubernetes docs', () => {
  it('is healthy for 30 s, then killed and restarted', () => {
    const c = fresh();
    c.at(START + S, () =>
      c.api.create(
        mk('liveness-exec', [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ]),
      ),
    );
    c.step(START + 35 * S);
    expect(get(c, 'liveness-exec').status!.containerStatuses![0].restartCount).toBe(0);
    c.step(START + 90 * S);
    expect(get(c, 'liveness-exec').status!.containerStatuses![0].restartCount).toBe(1);
    expect(evs(c, 'liveness-exec')).toEqual(
      expect.arrayContaining([
        "Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory x3",
        'Normal Killing Container liveness failed liveness probe, will be restarted',
      ]),
    );
  });
});

describe('logs options', () => {
  it('--previous, --since, --timestamps on a crash-looping container', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('cl', [{ name: 'cl', image: 'busybox', command: ['sh', '-c', 'echo "start $(date)"; sleep 2; echo bye; exit 1'] }])));
    // the fourth run ends at 0:53.5, a back-off of 40 s follows
    c.step(START + 65 * S);
    const cur = containerLogs(c, 'default', 'cl');
    const prev = containerLogs(c, 'default', 'cl', { previous: true });
    expect(cur.ok && cur.text.split('\n')[1]).toBe('bye');
    expect(prev.ok && prev.text).toMatch(/^start Thu Jan {2}1 00:00:\d\d UTC 2026\nbye\n$/);
    const ts = containerLogs(c, 'default', 'cl', { timestamps: true, tailLines: 1 });
    expect(ts.ok && ts.text).toBe('2026-01-01T00:00:53.500000000Z bye\n');
    expect(containerLogs(c, 'default', 'cl', { sinceSeconds: 1 })).toEqual({ ok: true, container: 'cl', text: '' });
  });

  it('a server keeps its first lines; unknown containers are refused', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('ng', [{ name: 'ng', image: 'nginx:1.27' }])));
    c.step(START + 30 * S);
    const r = containerLogs(c, 'default', 'ng');
    expect(r.ok && r.text.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(r.ok && r.text).toContain('[notice] 1#1: nginx/1.27.3');
    expect(containerLogs(c, 'default', 'ng', { container: 'x' })).toEqual({ ok: false, status: 'BadRequest', message: 'container x is not valid for pod ng' });
    expect(containerLogs(c, 'default', 'nope')).toEqual({ ok: false, status: 'NotFound', message: 'pods "nope" not found' });
  });
});

describe('a pod updated to another image', () => {
  const setImage = (c: Cluster, at: number, name: string, image: string): void => {
    c.at(at, () => {
      const pod = get(c, name);
      c.api.update({ ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image }] } });
    });
  };

  it('a running container is killed, "definition changed", and restarted with the new image', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('web', [{ name: 'web', image: 'nginx:1.24' }])));
    c.step(START + 30 * S);
    const before = get(c, 'web').status!.containerStatuses![0];
    setImage(c, START + 30 * S, 'web', 'nginx:1.25');
    c.step(START + 60 * S);
    const cs = get(c, 'web').status!.containerStatuses![0];
    expect(cs.state.running).toBeDefined();
    expect(cs.restartCount).toBe(1);
    expect(cs.image).toBe('docker.io/library/nginx:1.25');
    expect(cs.containerID).not.toBe(before.containerID);
    // nginx stops on SIGTERM: the old run completed
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', containerID: before.containerID });
    const events = evs(c, 'web');
    expect(events).toContain('Normal Killing Container web definition changed, will be restarted');
    expect(events).toContain('Normal Pulling Pulling image "nginx:1.25"');
    expect(events).toContain('Normal Started Started container web x2');
  });

  it('restarts it even under restartPolicy Never', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('once', [{ name: 'once', image: 'nginx:1.24' }], { restartPolicy: 'Never' })));
    c.step(START + 30 * S);
    setImage(c, START + 30 * S, 'once', 'nginx:1.25');
    c.step(START + 60 * S);
    const pod = get(c, 'once');
    expect(pod.status!.phase).toBe('Running');
    expect(pod.status!.containerStatuses![0]).toMatchObject({ restartCount: 1, image: 'docker.io/library/nginx:1.25' });
  });

  it('a container in ImagePullBackOff pulls the new image at once', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('typo', [{ name: 'web', image: 'nginxx' }])));
    // the status toggles between ErrImagePull and ImagePullBackOff: wait for the second
    let t = START + 30 * S;
    for (; get(c, 'typo').status!.containerStatuses![0].state.waiting?.reason !== 'ImagePullBackOff'; t += S) c.step(t);
    setImage(c, t, 'typo', 'nginx');
    c.step(t + 5 * S);
    const cs = get(c, 'typo').status!.containerStatuses![0];
    expect(cs.state.running).toBeDefined();
    expect(cs.restartCount).toBe(0);
  });

  it('a crash-looping container starts again at once with the new image, its back-off begun anew', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('crash', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }])));
    c.step(START + 300 * S);
    const looping = get(c, 'crash').status!.containerStatuses![0];
    expect(looping.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(looping.state.waiting?.message).toMatch(/^back-off 2m40s /);
    // the same command in the new image fails too: restarted at once, then backing off from 10 s
    setImage(c, START + 300 * S, 'crash', 'busybox:1.36');
    c.step(START + 310 * S);
    const cs = get(c, 'crash').status!.containerStatuses![0];
    expect(cs.restartCount).toBe(looping.restartCount + 1);
    expect(cs.image).toBe('docker.io/library/busybox:1.36');
    expect(cs.state.waiting?.message).toMatch(/^back-off 10s /);
  });
});

describe('the crash back-off as the pod worker lives it', () => {
  it("says BackOff again every 10-15 s (on the sync loop's 1-second tick) and restarts at the first sync after the back-off", () => {
    const c = fresh();
    const backoffs: number[] = [];
    c.store.onChange((ev) => {
      const o = ev.object as KubeEvent;
      if (o.kind === 'Event' && o.involvedObject.name === 'crash' && o.reason === 'BackOff' && ev.type !== 'DELETED') backoffs.push(c.now);
    });
    c.at(START + S, () => c.api.create(mk('crash', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }])));
    const starts: number[] = [];
    for (let t = START + S; t <= START + 900 * S; t += 500) {
      c.step(t);
      const cs = get(c, 'crash').status?.containerStatuses?.[0];
      const started = Date.parse(cs?.state.running?.startedAt ?? cs?.state.terminated?.startedAt ?? cs?.lastState?.terminated?.startedAt ?? '');
      if (!Number.isNaN(started) && !starts.includes(started)) starts.push(started);
    }
    // within one back-off the syncs are 10-15 s apart (wait.Jitter(10 s, 0.5)), taken at the next
    // tick: up to 16.5 s after the first, which follows the exit by half a second
    const gaps = backoffs.slice(1).map((t, i) => t - backoffs[i]).filter((g) => g < 30 * S);
    expect(gaps.length).toBeGreaterThan(20);
    for (const g of gaps) expect([g, g >= 10 * S && g <= 16.5 * S]).toEqual([g, true]);
    expect(new Set(gaps).size).toBeGreaterThan(2); // jittered, not one fixed period
    // the first exit restarts at once; then each restart waits out 10 s, 20 s, 40 s ... 5 min
    // after the exit (the container exits as it starts), and is late by less than one resync
    expect(starts[1] - starts[0]).toBeLessThan(3 * S);
    const late = starts.slice(2).map((t, i) => t - starts[i + 1] - Math.min(10 * S * 2 ** i, 300 * S));
    expect(late.length).toBeGreaterThanOrEqual(6);
    for (const l of late) expect([l, l >= 0 && l <= 17 * S]).toEqual([l, true]);
  });

  it('counts every BackOff sync in the Event: a crash loop of ten minutes says it dozens of times', () => {
    const c = fresh();
    c.at(START + S, () => c.api.create(mk('crash', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }])));
    c.step(START + 600 * S);
    const backoff = (c.api.list('events', { namespace: 'default' }) as KubeEvent[]).find((e) => e.involvedObject.name === 'crash' && e.reason === 'BackOff')!;
    expect(backoff.count).toBeGreaterThan(35);
    // the last one is recent: the pod is still being synced every 10-15 s
    expect(START + 600 * S - Date.parse(backoff.lastTimestamp!)).toBeLessThanOrEqual(16 * S);
  });
});

describe('what a retry shows while it pulls again', () => {
  // the pod's status at every write, as `kubectl get pods -w` prints it
  function statuses(image: string, command?: string[]): string[] {
    const c = fresh();
    const seen: string[] = [];
    c.store.onChange((ev) => {
      const p = ev.object as Pod;
      if (p.kind !== 'Pod' || p.metadata.name !== 'p' || ev.type === 'DELETED') return;
      const s = p.status?.containerStatuses?.[0]?.state;
      if (!s) return; // created, not yet seen by the kubelet
      const shown = s.waiting?.reason ?? s.terminated?.reason ?? 'Running';
      if (seen[seen.length - 1] !== shown) seen.push(shown);
    });
    c.at(START + S, () => c.api.create(mk('p', [{ name: 'p', image, ...(command ? { command } : {}) }])));
    c.step(START + 200 * S);
    return seen;
  }

  it('a crash loop shows Error and CrashLoopBackOff, never ContainerCreating again', () => {
    const seen = statuses('busybox', ['sh', '-c', 'exit 1']);
    expect(seen.slice(0, 3)).toEqual(['ContainerCreating', 'Error', 'CrashLoopBackOff']);
    expect(seen.slice(1).filter((x) => x === 'ContainerCreating')).toEqual([]);
  });

  it('a failing pull turns between ErrImagePull and ImagePullBackOff, never ContainerCreating again', () => {
    const seen = statuses('nginx:no-such-tag');
    expect(seen.slice(0, 5)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    expect(seen.slice(1).filter((x) => x === 'ContainerCreating')).toEqual([]);
  });
});
