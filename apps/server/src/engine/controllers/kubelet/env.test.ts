import { Pod } from '../../api/types';
import { expandVars, resolveContainerEnv } from './env';

const objects: Record<string, any> = {
  'configmaps/default/app': { kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { MODE: 'fast', LEVEL: '3' } },
  'secrets/default/db': { kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: 'czNjcjN0' } },
  'services/default/kubernetes': { kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } },
};
const api = {
  tryGet: (resource: string, ns: string | undefined, name: string) => objects[`${resource}/${ns}/${name}`],
  list: (resource: string, opts: { namespace?: string }) => Object.entries(objects).filter(([k]) => k.startsWith(`${resource}/${opts.namespace}/`)).map(([, v]) => v),
};

function pod(env: any[], envFrom: any[] = [], enableServiceLinks = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u-1', labels: { app: 'web' } },
    spec: { nodeName: 'node1', enableServiceLinks, containers: [{ name: 'c', image: 'nginx', env, envFrom, resources: { limits: { memory: '128Mi' } } }] },
    status: { podIP: '10.244.1.7', hostIP: '192.168.56.11' },
  } as Pod;
}

const resolve = (p: Pod) => resolveContainerEnv(p, p.spec.containers[0], api as any, { cpu: '2', memory: '3892004Ki' });

describe('resolveContainerEnv', () => {
  it('expands $(VAR) from earlier variables and keeps unknown references', () => {
    const r = resolve(pod([{ name: 'A', value: 'one' }, { name: 'B', value: '$(A)-two $(NOPE) $$(A)' }]));
    expect(r.vars).toEqual([['A', 'one'], ['B', 'one-two $(NOPE) $(A)']]);
  });

  it('reads ConfigMaps and Secrets (decoded), with envFrom prefixes', () => {
    const r = resolve(
      pod(
        [
          { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'M', valueFrom: { configMapKeyRef: { name: 'app', key: 'MODE' } } },
        ],
        [{ configMapRef: { name: 'app' }, prefix: 'APP_' }],
      ),
    );
    expect(r.vars).toEqual([['APP_MODE', 'fast'], ['APP_LEVEL', '3'], ['PASS', 's3cr3t'], ['M', 'fast']]);
  });

  it.each([
    [[{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }], 'configmap "nope" not found'],
    [[{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'k' } } }], "couldn't find key k in ConfigMap default/app"],
    [[{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }], 'secret "nope" not found'],
    [[{ name: 'X', valueFrom: { secretKeyRef: { name: 'db', key: 'k' } } }], "couldn't find key k in Secret default/db"],
  ])('refuses a missing reference: %j', (env, error) => {
    expect(resolve(pod(env)).error).toBe(error);
  });

  it('skips optional references', () => {
    expect(resolve(pod([{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } }])).vars).toEqual([]);
  });

  it('answers the downward API', () => {
    const r = resolve(
      pod([
        { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      ]),
    );
    expect(Object.fromEntries(r.vars)).toEqual({ NAME: 'p', NODE: 'node1', IP: '10.244.1.7', APP: 'web', MEM: '128', CPU: '2' });
  });

  it('adds service links after the container variables', () => {
    const r = resolve(pod([{ name: 'A', value: '1' }], [], true));
    expect(r.vars.slice(0, 3)).toEqual([['A', '1'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]);
    expect(Object.fromEntries(r.vars).KUBERNETES_PORT_443_TCP_ADDR).toBe('10.96.0.1');
  });

  it('expandVars', () => {
    expect(expandVars('$(A)$(B', { A: 'x' })).toBe('x$(B');
  });
});
