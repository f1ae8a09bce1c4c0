// Random command lines and manifests never break the engine: no command crashes (an internal
// error is a crash the shell caught), the store stays consistent, and the controllers' invariants
// hold after every command: every stored object is valid, every owned object's owner is alive
// or being collected, no pod is bound to a missing node.

import fc from 'fast-check';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { validateObject } from '../../apps/server/src/engine/api/validation';
import { KubeObject, Pod } from '../../apps/server/src/engine/api/types';

const START = Date.UTC(2026, 0, 1);

const name = fc.constantFrom('web', 'db', 'a', 'b', 'Bad_Name', 'x'.repeat(70), '');
const image = fc.constantFrom('nginx', 'nginx:1.27', 'busybox', 'mariadb', 'redis:7', 'nope:0', 'httpd');
const type = fc.constantFrom('pods', 'po', 'deploy', 'rs', 'svc', 'ns', 'nodes', 'foo', 'all', 'ep', 'cm');

const manifest = fc.record({
  kind: fc.constantFrom('Pod', 'Deployment', 'Service', 'ConfigMap', 'Namespace', 'Foo', ''),
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', ''),
  name,
  replicas: fc.constantFrom('1', '3', '-1', '"three"', '0'),
  image,
  extra: fc.constantFrom('', '  bogus: 1\n', '  labels: {app: web}\n'),
});

const manifestText = manifest.map(
  (m) => `apiVersion: ${m.apiVersion}
kind: ${m.kind}
metadata:
  name: ${m.name || '""'}
${m.extra}spec:
  replicas: ${m.replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: c
        image: ${m.image}
  containers:
  - name: c
    image: ${m.image}
  ports:
  - port: 80
data:
  k: v
`,
);

const command = fc.oneof(
  fc.tuple(name, image).map(([n, i]) => `kubectl run ${n} --image=${i}`),
  fc.tuple(name, image, fc.integer({ min: -1, max: 5 })).map(([n, i, r]) => `kubectl create deployment ${n} --image=${i} --replicas=${r}`),
  fc.tuple(type, name).map(([t, n]) => `kubectl get ${t} ${n}`),
  fc.tuple(type, name).map(([t, n]) => `kubectl delete ${t} ${n} --wait=false`),
  fc.tuple(type, name).map(([t, n]) => `kubectl describe ${t} ${n}`),
  fc.tuple(name, fc.integer({ min: -1, max: 6 })).map(([n, r]) => `kubectl scale deploy ${n} --replicas=${r}`),
  fc.tuple(name, image).map(([n, i]) => `kubectl set image deploy/${n} c=${i}`),
  fc.constantFrom('kubectl rollout undo deploy/web', 'kubectl expose deploy web --port=80', 'kubectl create ns dev', 'kubectl delete ns dev --wait=false'),
  fc.constantFrom('ssh node1 sudo systemctl stop kubelet', 'ssh node1 sudo systemctl start kubelet', 'kubectl cordon node2', 'kubectl uncordon node2', 'kubectl drain node2 --ignore-daemonsets --force'),
  fc.integer({ min: 1, max: 900 }).map((s) => `sleep ${s}`),
  manifestText.map((m) => `cat > m.yaml <<'EOF'\n${m}EOF\nkubectl apply -f m.yaml`),
  fc.string({ maxLength: 40 }).map((s) => `kubectl ${s}`),
  fc.string({ maxLength: 60 }),
);

function checkInvariants(sandbox: Sandbox): void {
  // no controller failed (a failure is recorded and dropped so that the cluster lives on)
  expect(sandbox.cluster.faults()).toEqual([]);
  const store = sandbox.cluster.store;
  const uids = new Map<string, KubeObject>();
  for (const r of store.resources()) for (const o of store.list(r)) uids.set(o.metadata.uid!, o);
  const nodes = new Set(store.list('nodes').map((n) => n.metadata.name));
  for (const r of store.resources()) {
    for (const o of store.list(r)) {
      if (r !== 'events') {
        const errors = validateObject(o);
        if (errors.length) throw new Error(`stored ${r} ${o.metadata.namespace}/${o.metadata.name} is invalid: ${JSON.stringify(errors)}`);
      }
      for (const ref of o.metadata.ownerReferences ?? []) {
        const owner = uids.get(ref.uid);
        if (!owner && !o.metadata.deletionTimestamp) {
          // the garbage collector removes orphans at once: an orphan may not survive a settle
          throw new Error(`${r} ${o.metadata.namespace}/${o.metadata.name} outlived its owner ${ref.kind}/${ref.name}`);
        }
      }
      if (r === 'pods') {
        const node = (o as Pod).spec.nodeName;
        if (node && !nodes.has(node)) throw new Error(`pod ${o.metadata.name} is bound to missing node ${node}`);
      }
    }
  }
}

describe('random input never breaks the cluster', () => {
  it('keeps its invariants after every command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), async (lines, seed) => {
        const clock = new VirtualClock(START);
        const sandbox = Sandbox.create({ seed, start: START }, clock);
        let session = sandbox.newSession();
        for (const line of lines) {
          const { result, session: next } = await sandbox.run(session, line, undefined, { isTTY: false });
          session = next;
          expect(result.stderr).not.toMatch(/internal error/);
          clock.sleep(1000);
          sandbox.cluster.step(clock.now());
          checkInvariants(sandbox);
          if (result.exited) break;
        }
        // and the state still round-trips
        const saved = JSON.stringify(sandbox.serialize());
        expect(JSON.stringify(Sandbox.load(JSON.parse(saved), clock).serialize())).toBe(saved);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
