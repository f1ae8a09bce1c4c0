import { builtLine, resourcesFor } from './builder-command';

describe('the command the builder builds', () => {
  it.each([
    [['get'], 'kubectl get'],
    [['get', 'pods'], 'kubectl get pods'],
    [['get', 'pods', 'all'], 'kubectl get pods'],
    [['get', 'pods', 'all', true], 'kubectl get pods -A'],
    [['get', 'pods', { namespace: 'default', name: 'web-1' }], 'kubectl get pod web-1'],
    [['describe', 'deployments', { namespace: 'shop', name: 'web' }], 'kubectl describe deployment web -n shop'],
    [['describe', 'nodes', { name: 'node1' }], 'kubectl describe node node1'],
    [['logs', 'pods', { namespace: 'default', name: 'lamp' }], 'kubectl logs lamp'],
    [['logs', 'pods'], 'kubectl logs'],
    [['delete', 'services', { namespace: 'kube-system', name: 'x' }], 'kubectl delete service x -n kube-system'],
    [['rollout status', 'deployments', { namespace: 'default', name: 'web' }], 'kubectl rollout status deployment/web'],
  ] as const)('%j', (args, line) => {
    expect(builtLine(...(args as unknown as Parameters<typeof builtLine>))).toBe(line);
  });

  it('offers the types each verb takes', () => {
    expect(resourcesFor('logs')).toEqual(['pods']);
    expect(resourcesFor('rollout status')).toEqual(['deployments', 'daemonsets']);
    expect(resourcesFor('delete')).not.toContain('nodes');
    expect(resourcesFor('get')).toContain('nodes');
  });
});
