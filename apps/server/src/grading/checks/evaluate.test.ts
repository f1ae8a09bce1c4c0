import type { KubeObject } from '../../engine/api/types';
import { evaluateStep } from './evaluate';
import { conditionSchema, CheckContext, Condition, InputRecord, TransitionRecord } from './types';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const min = 60_000;

function pod(name: string, labels: Record<string, string>, phase = 'Running', ready = true, ns = 'default', extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'db', image: 'mariadb:11', env: [{ name: 'MARIADB_ROOT_PASSWORD', value: 'secret' }] }] },
    status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    ...extra,
  } as KubeObject;
}

function svc(name: string, selector: Record<string, string>, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector } } as KubeObject;
}

function ctx(objects: Record<string, KubeObject[]>, inputs: InputRecord[] = [], transitions: TransitionRecord[] = [], now = T0 + 30 * min): CheckContext {
  return {
    objects: (resource, ns) => (objects[resource] ?? []).filter((o) => ns === undefined || o.metadata.namespace === ns),
    inputs,
    transitions,
    now,
  };
}

const input = (command: string, at = T0 + 20 * min, door: InputRecord['door'] = 'web', exitCode = 0): InputRecord => ({ at, door, command, exitCode });

describe('object conditions', () => {
  const c = ctx({
    pods: [pod('web', { app: 'frontend' }), pod('broken', { app: 'x' }, 'Pending', false), pod('api', { app: 'api' }, 'Running', true, 'dev')],
    namespaces: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }],
  });
  const cases: [string, Condition, boolean, string, string][] = [
    ['exists by name', { type: 'exists', resource: 'pods', name: 'web' }, true, 'expected Pod "web", in namespace default to exist, found web', 'se esperaba que exista Pod "web", en el espacio de nombres default; se encontró web'],
    ['exists, wrong phase', { type: 'exists', resource: 'pods', name: 'broken', phase: 'Running' }, false, 'expected Pod "broken", in namespace default, in phase Running to exist, found broken (in phase Pending)', 'se esperaba que exista Pod "broken", en el espacio de nombres default, en fase Running; se encontró broken (en fase Pending)'],
    ['exists, cluster scoped', { type: 'exists', resource: 'namespaces', name: 'dev' }, true, 'expected Namespace "dev" to exist, found dev', 'se esperaba que exista Namespace "dev"; se encontró dev'],
    ['absent', { type: 'absent', resource: 'pods', name: 'web' }, false, 'expected no Pod "web", in namespace default, found web', 'se esperaba que no exista Pod "web", en el espacio de nombres default; se encontró web'],
    ['absent passes', { type: 'absent', resource: 'pods', name: 'gone' }, true, 'expected no Pod "gone", in namespace default, found none', 'se esperaba que no exista Pod "gone", en el espacio de nombres default; se encontró ninguno'],
    ['field equals', { type: 'field', resource: 'pods', name: 'web', test: { path: 'spec.containers[name=db].image', equals: 'mariadb:11' } }, true, 'expected spec.containers[name=db].image = mariadb:11 on Pod "web", in namespace default, found spec.containers[name=db].image = mariadb:11', 'se esperaba spec.containers[name=db].image = mariadb:11 en Pod "web", en el espacio de nombres default; se encontró spec.containers[name=db].image = mariadb:11'],
    ['field matches', { type: 'field', resource: 'pods', name: 'web', test: { path: 'spec.containers[*].image', matches: '^nginx' } }, true, 'expected spec.containers[*].image matching /^nginx/ on Pod "web", in namespace default, found spec.containers[*].image = nginx:1.27 and mariadb:11', 'se esperaba spec.containers[*].image que cumpla /^nginx/ en Pod "web", en el espacio de nombres default; se encontró spec.containers[*].image = nginx:1.27 y mariadb:11'],
    ['field present', { type: 'field', resource: 'pods', name: 'web', test: { path: 'spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value', present: true } }, true, 'expected with spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value on Pod "web", in namespace default, found spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value = secret', 'se esperaba con spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value en Pod "web", en el espacio de nombres default; se encontró spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value = secret'],
    ['count with labels and ready', { type: 'count', resource: 'pods', namespace: '*', ready: true, atLeast: 2 }, true, 'expected at least 2: Pod, in any namespace, ready, found 2', 'se esperaba al menos 2: Pod, en cualquier espacio de nombres, listo; se encontró 2'],
    ['count by phase', { type: 'count', resource: 'pods', phase: 'Running', equals: 3 }, false, 'expected exactly 3: Pod, in namespace default, in phase Running, found 1', 'se esperaba exactamente 3: Pod, en el espacio de nombres default, en fase Running; se encontró 1'],
    ['count by labels', { type: 'count', resource: 'pods', labels: { app: 'frontend' }, atLeast: 1, atMost: 1 }, true, 'expected at least 1 and at most 1: Pod, in namespace default, labelled app=frontend, found 1', 'se esperaba al menos 1 y como mucho 1: Pod, en el espacio de nombres default, con etiquetas app=frontend; se encontró 1'],
  ];
  it.each(cases)('%s', (_name, cond, passed, en, es) => {
    expect(conditionSchema.parse(cond)).toEqual(cond);
    const r = evaluateStep([cond], c, 'en');
    expect(r.passed).toBe(passed);
    expect(r.conditions[0].message).toBe(en);
    expect(evaluateStep([cond], c, 'es').conditions[0].message).toBe(es);
  });
});

describe('weights and partial credit', () => {
  it('scores passed weight over total weight and keeps per-condition scores', () => {
    const c = ctx({ pods: [pod('web', { app: 'web' })] });
    const r = evaluateStep(
      [
        { type: 'exists', resource: 'pods', name: 'web', weight: 3 },
        { type: 'exists', resource: 'pods', name: 'db', weight: 1 },
      ],
      c,
      'en',
    );
    expect(r.passed).toBe(false);
    expect(r.score).toBe(0.75);
    expect(r.conditions.map((x) => [x.passed, x.weight, x.score])).toEqual([
      [true, 3, 3],
      [false, 1, 0],
    ]);
  });
  it('an empty step passes with full score', () => {
    expect(evaluateStep([], ctx({}), 'en')).toEqual({ passed: true, score: 1, conditions: [], hint: undefined });
  });
});

describe('automatic hints', () => {
  it('a Service selecting a label no pod has names the labels the pods have', () => {
    const c = ctx({ pods: [pod('a', { app: 'frontend' }), pod('b', { app: 'frontend' })], services: [svc('web', { app: 'web' })] });
    const cond: Condition = { type: 'selects', name: 'web' };
    expect(evaluateStep([cond], c, 'en').hint).toBe('Your Service selects app=web; no pod has that label, yours have app=frontend.');
    expect(evaluateStep([cond], c, 'es').hint).toBe('Tu Service selecciona app=web; ningún pod tiene esa etiqueta, los tuyos tienen app=frontend.');
    const ok = ctx({ pods: [pod('a', { app: 'web' })], services: [svc('web', { app: 'web' })] });
    expect(evaluateStep([cond], ok, 'en').conditions[0].message).toBe('expected Service "web" selecting at least 1 ready pod, found selector app=web picks 1 pods (1 ready)');
  });
  it('the hint comes from the first failing condition', () => {
    const c = ctx({ pods: [pod('web', { app: 'web' }, 'Pending', false)] });
    const r = evaluateStep(
      [
        { type: 'exists', resource: 'pods', name: 'web' },
        { type: 'exists', resource: 'pods', name: 'web', phase: 'Running' },
        { type: 'exists', resource: 'pods', name: 'db' },
      ],
      c,
      'en',
    );
    expect(r.hint).toBe('Pod "web" exists, but not as asked: in phase Pending. Look at its events: kubectl describe pod web');
  });
  it('an object in another namespace', () => {
    const c = ctx({ pods: [pod('api', {}, 'Running', true, 'dev')] });
    expect(evaluateStep([{ type: 'exists', resource: 'pods', name: 'api', namespace: 'prod' }], c, 'en').hint).toBe('Pod "api" is in namespace dev, not in prod: use -n prod.');
    expect(evaluateStep([{ type: 'exists', resource: 'pods', name: 'api', namespace: 'prod' }], c, 'es').hint).toBe('Pod "api" está en el espacio de nombres dev, no en prod: usa -n prod.');
  });
  it('a field with another value', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 } } as KubeObject;
    const r = evaluateStep([{ type: 'field', resource: 'deployments', name: 'web', test: { path: 'spec.replicas', equals: 3 } }], ctx({ deployments: [d] }), 'en');
    expect(r.hint).toBe('On Deployment "web", spec.replicas = 2; the step asks for spec.replicas = 3.');
  });
  it('a count short of its target', () => {
    const r = evaluateStep([{ type: 'count', resource: 'pods', labels: { app: 'web' }, atLeast: 3 }], ctx({ pods: [pod('a', { app: 'web' })] }), 'en');
    expect(r.hint).toBe('There are 1; at least 3 needed.');
  });
});

describe('command conditions, whatever the door or spelling', () => {
  const fromYaml: Condition = { type: 'command', verb: ['apply', 'create'], flags: { filename: true } };
  const notRun: Condition = { type: 'command', verb: 'run', not: true };
  it.each([
    ['kubectl apply -f pod.yaml', 'cli'],
    ['k apply -f pod.yaml', 'web'],
    ['/kubectl create -f pod.yaml', 'discord'],
    ['kubectl --filename=pod.yaml apply', 'web'],
    ['sudo kubectl -n dev apply --filename pod.yaml', 'web'],
    ['cat pod.yaml | kubectl apply -f -', 'web'],
    ['kubectl get pods && kubectl create -f pod.yaml', 'discord'],
  ] as [string, InputRecord['door']][])('%s (%s) counts as created from YAML', (line, door) => {
    const r = evaluateStep([fromYaml, notRun], ctx({}, [input(line, T0, door)]), 'en');
    expect(r.passed).toBe(true);
  });
  it.each(['kubectl run web --image=nginx', 'kubectl apply pod.yaml', 'kubectl get -f pod.yaml', 'kubectl apply -f pod.yaml --dry-run=client -o yaml > /dev/null; false'])('%s does not', (line) => {
    const exit = line.endsWith('false') ? 1 : 0;
    expect(evaluateStep([fromYaml], ctx({}, [input(line, T0, 'web', exit)]), 'en').passed).toBe(false);
  });
  it('a shell alias is followed', () => {
    const rec: InputRecord = { at: T0, door: 'web', command: 'kaf pod.yaml', aliases: { kaf: 'kubectl apply -f' } };
    expect(evaluateStep([fromYaml], ctx({}, [rec]), 'en').passed).toBe(true);
  });
  it('namespace: -n, --namespace=, --namespace and the default', () => {
    const cond: Condition = { type: 'command', verb: 'get', args: ['pods'], namespace: 'dev' };
    for (const line of ['kubectl get pods -n dev', 'kubectl --namespace=dev get pods', 'k get pods --namespace dev', 'kubectl get -ndev pods']) {
      expect([line, evaluateStep([cond], ctx({}, [input(line)]), 'en').passed]).toEqual([line, true]);
    }
    expect(evaluateStep([cond], ctx({}, [input('kubectl get pods')]), 'en').passed).toBe(false);
    expect(evaluateStep([{ ...cond, namespace: 'default' }], ctx({}, [input('kubectl get pods')]), 'en').passed).toBe(true);
  });
  it('arguments: pod/web and pod web agree; flag values and patterns', () => {
    const cond: Condition = { type: 'command', verb: 'scale', args: ['web'], flags: { replicas: '5' } };
    expect(evaluateStep([cond], ctx({}, [input('kubectl scale deployment/web --replicas=5')]), 'en').passed).toBe(true);
    expect(evaluateStep([cond], ctx({}, [input('kubectl scale --replicas 5 deploy web')]), 'en').passed).toBe(true);
    expect(evaluateStep([{ ...cond, flags: { replicas: '/^[4-9]$/' } }], ctx({}, [input('kubectl scale deploy web --replicas=4')]), 'en').passed).toBe(true);
    expect(evaluateStep([cond], ctx({}, [input('kubectl scale deploy web --replicas=3')]), 'en').hint).toBe('You ran `kubectl scale deploy web --replicas=3`, but this step asks for `kubectl scale web --replicas=5`.');
  });
  it('subcommand paths and other tools', () => {
    expect(evaluateStep([{ type: 'command', verb: 'rollout undo' }], ctx({}, [input('kubectl rollout undo deployment/web --to-revision=1')]), 'en').passed).toBe(true);
    expect(evaluateStep([{ type: 'command', tool: 'kompose', verb: 'convert' }], ctx({}, [input('kompose convert -f docker-compose.yaml')]), 'en').passed).toBe(true);
    expect(evaluateStep([{ type: 'command', tool: 'kubeadm', verb: 'init' }], ctx({}, [input('sudo kubeadm init --pod-network-cidr=10.244.0.0/16')]), 'en').passed).toBe(true);
    const install: Condition = { type: 'command', tool: '/^apt(-get)?$/', verb: 'install', args: ['kubeadm'] };
    expect(evaluateStep([install], ctx({}, [input('sudo apt-get install -y kubelet kubeadm kubectl')]), 'en').passed).toBe(true);
    expect(evaluateStep([install], ctx({}, [input('sudo apt install kubeadm')]), 'en').passed).toBe(true);
    // a tool without a command table: its first word is also an argument (`curl URL` has no verb)
    const curl: Condition = { type: 'command', tool: 'curl', args: ['http://web'] };
    expect(evaluateStep([curl], ctx({}, [input('curl -s http://web')]), 'en').passed).toBe(true);
    expect(evaluateStep([curl], ctx({}, [input('curl -s http://api')]), 'en').passed).toBe(false);
    // what ran on another host through ssh
    const join: Condition = { type: 'command', tool: 'kubeadm', verb: 'join' };
    expect(evaluateStep([join], ctx({}, [input("ssh node1 'sudo kubeadm join 192.168.56.10:6443 --token abc'")]), 'en').passed).toBe(true);
    expect(evaluateStep([join], ctx({}, [input('ssh node1 "sudo apt-get update && sudo $JOIN"')]), 'en').passed).toBe(false);
  });
  it('messages, a failed command and the not form', () => {
    const failed = evaluateStep([fromYaml], ctx({}, [input('kubectl apply -f pod.yml', T0, 'web', 1)]), 'en');
    expect(failed.conditions[0].message).toBe('expected to have run `kubectl apply|create --filename`, found `kubectl apply -f pod.yml`');
    expect(failed.hint).toBe('`kubectl apply -f pod.yml` failed (exit code 1): read its message and fix it.');
    const es = evaluateStep([fromYaml], ctx({}, []), 'es');
    expect(es.conditions[0].message).toBe('se esperaba haber ejecutado `kubectl apply|create --filename`; se encontró ningún comando así');
    const ran = evaluateStep([notRun], ctx({}, [input('k run web --image=nginx')]), 'es');
    expect(ran.conditions[0].message).toBe('se esperaba no usar `kubectl run`; se encontró `k run web --image=nginx`');
    expect(ran.hint).toBe('Ejecutaste `k run web --image=nginx`; este paso pide hacerlo de otra forma.');
  });
});

describe('time conditions', () => {
  const now = T0 + 30 * min;
  it('within counts back from now', () => {
    const cond: Condition = { type: 'command', verb: 'get', within: '10m' };
    expect(evaluateStep([cond], ctx({}, [input('kubectl get pods', now - 5 * min)], [], now), 'en').passed).toBe(true);
    const late = evaluateStep([cond], ctx({}, [input('kubectl get pods', now - 11 * min)], [], now), 'en');
    expect(late.passed).toBe(false);
    expect(late.conditions[0].message).toBe('expected to have run `kubectl get` within the last 10m, found `kubectl get pods`');
  });
  it('before and after a time, and since the step started', () => {
    const before: Condition = { type: 'command', verb: 'get', before: '2026-01-01T00:10:00Z' };
    expect(evaluateStep([before], ctx({}, [input('kubectl get pods', T0 + 9 * min)]), 'en').passed).toBe(true);
    expect(evaluateStep([before], ctx({}, [input('kubectl get pods', T0 + 10 * min)]), 'en').passed).toBe(false);
    const after: Condition = { type: 'command', verb: 'get', after: 'step' };
    const c = { ...ctx({}, [input('kubectl get pods', T0 + 9 * min)]), stepStartedAt: T0 + 10 * min };
    expect(evaluateStep([after], c, 'en').passed).toBe(false);
    expect(evaluateStep([after], { ...c, stepStartedAt: T0 }, 'en').passed).toBe(true);
    expect(evaluateStep([after], c, 'es').conditions[0].expected).toBe('haber ejecutado `kubectl get` desde que empezó el paso');
  });
  it('time bounds apply to transitions too', () => {
    const t: TransitionRecord[] = [{ at: T0 + min, kind: 'deleted', resource: 'pods', namespace: 'default', name: 'web-1' }];
    expect(evaluateStep([{ type: 'transition', resource: 'pods', kind: 'deleted', within: '10m' }], ctx({}, [], t, now), 'en').passed).toBe(false);
    expect(evaluateStep([{ type: 'transition', resource: 'pods', kind: 'deleted', within: '1h' }], ctx({}, [], t, now), 'en').passed).toBe(true);
  });
});

describe('what happened: transitions', () => {
  const owner = { kind: 'ReplicaSet', name: 'web' };
  const t: TransitionRecord[] = [
    { at: T0 + min, kind: 'added', resource: 'pods', namespace: 'default', name: 'web-aaaaa', phase: 'Pending', owner },
    { at: T0 + 2 * min, kind: 'modified', resource: 'pods', namespace: 'default', name: 'web-aaaaa', phase: 'Running', owner },
    { at: T0 + 5 * min, kind: 'deleted', resource: 'pods', namespace: 'default', name: 'web-aaaaa', phase: 'Running', owner },
    { at: T0 + 5 * min, kind: 'added', resource: 'pods', namespace: 'default', name: 'web-bbbbb', phase: 'Pending', owner },
  ];
  it('a pod of this ReplicaSet was replaced', () => {
    const cond: Condition = { type: 'replaced', resource: 'pods', owner };
    expect(evaluateStep([cond], ctx({}, [], t), 'en').conditions[0].message).toBe('expected a Pod of ReplicaSet web deleted and replaced by a new one, found web-aaaaa replaced');
    const onlyDeleted = evaluateStep([cond], ctx({}, [], t.slice(0, 3)), 'en');
    expect(onlyDeleted.passed).toBe(false);
    expect(onlyDeleted.hint).toBe('A pod was deleted but no new one has taken its place yet: wait a few seconds and check again.');
    const none = evaluateStep([cond], ctx({}, [], []), 'es');
    expect(none.conditions[0].message).toBe('se esperaba un Pod de ReplicaSet web borrado y sustituido por otro; se encontró ningún borrado');
  });
  it('a graceful deletion counts from its deletionTimestamp, when the controller replaces the pod', () => {
    const graceful: TransitionRecord[] = [
      { at: T0 + 5 * min, kind: 'modified', resource: 'pods', namespace: 'default', name: 'web-aaaaa', phase: 'Running', owner, terminating: true },
      { at: T0 + 5 * min, kind: 'added', resource: 'pods', namespace: 'default', name: 'web-ccccc', phase: 'Pending', owner },
      { at: T0 + 5 * min + 30_000, kind: 'deleted', resource: 'pods', namespace: 'default', name: 'web-aaaaa', phase: 'Running', owner, terminating: true },
    ];
    expect(evaluateStep([{ type: 'replaced', resource: 'pods', owner }], ctx({}, [], graceful), 'en').conditions[0].found).toBe('web-aaaaa replaced');
    expect(evaluateStep([{ type: 'replaced', resource: 'pods', owner, after: '2026-01-01T00:06:00Z' }], ctx({}, [], graceful), 'en').passed).toBe(false);
  });
  it('transitions by kind, phase, owner and count', () => {
    const c = ctx({}, [], t);
    expect(evaluateStep([{ type: 'transition', resource: 'pods', kind: 'added', owner: { kind: 'ReplicaSet', namePrefix: 'we' }, atLeast: 2 }], c, 'en').passed).toBe(true);
    expect(evaluateStep([{ type: 'transition', resource: 'pods', kind: 'modified', phase: 'Running' }], c, 'en').passed).toBe(true);
    const r = evaluateStep([{ type: 'transition', resource: 'pods', kind: 'deleted', owner: { kind: 'ReplicaSet', name: 'db' } }], c, 'en');
    expect(r.conditions[0].message).toBe('expected Pod of ReplicaSet db deleted, found 0');
    expect(r.hint).toBe('That has not happened yet: Pod of ReplicaSet db deleted.');
  });
});

describe('schema', () => {
  it('rejects unknown fields and kinds', () => {
    expect(conditionSchema.safeParse({ type: 'exists', resource: 'pods', nmae: 'x' }).success).toBe(false);
    expect(conditionSchema.safeParse({ type: 'maybe', resource: 'pods' }).success).toBe(false);
    expect(conditionSchema.safeParse({ type: 'command', within: '10 minutes' }).success).toBe(false);
  });
});
