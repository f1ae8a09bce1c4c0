// `kubectl get --raw`: kubectl's own checks (answers of kubectl v1.32), then the API server's answer.
import { newKit } from './verb-test-kit';

describe('kubectl get --raw', () => {
  test.each([
    ['kubectl get --raw /x pods', 'error: arguments may not be passed when --raw is specified\n'],
    ['kubectl get --raw /x -o yaml', 'error: --raw and --output are mutually exclusive\n'],
    ['kubectl get --raw /api/v1/pods -l a=b', 'error: --raw may not be specified with other flags that filter the server request or alter the output\n'],
    ['kubectl get --raw /api/v1/pods -w', 'error: --raw may not be specified with other flags that filter the server request or alter the output\n'],
    ['kubectl get --raw x', 'error: --raw must be a valid URL path: parse "x": invalid URI for request\n'],
    ['kubectl get --raw /nope', 'Error from server (NotFound): the server could not find the requested resource\n'],
    ['kubectl get --raw /api/v1/namespaces/default/pods/nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl get --raw /api/v1/pods/nope', 'Error from server (NotFound): the server could not find the requested resource\n'],
    ['kubectl get --raw /apis/apps/v2/deployments', 'Error from server (NotFound): the server could not find the requested resource\n'],
  ])('%s', async (line, stderr) => {
    const kit = newKit();
    expect(await kit.sh(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('answers the health endpoints with ok, without a newline', async () => {
    const kit = newKit();
    for (const path of ['/healthz', '/livez', '/readyz', '/readyz/']) expect(await kit.sh(`kubectl get --raw ${path}`)).toEqual({ stdout: 'ok', stderr: '', exitCode: 0 });
  });

  it('answers /version in the API server field order', async () => {
    const kit = newKit();
    const r = await kit.sh('kubectl get --raw /version');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(JSON.parse(r.stdout)).toMatchObject({ major: '1', minor: '32' });
  });

  it('answers an object and a list as the API server encodes them', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 10');
    const one = await kit.sh('kubectl get --raw /apis/apps/v1/namespaces/default/deployments/web');
    expect(one.stdout.endsWith('}\n')).toBe(true);
    const dep = JSON.parse(one.stdout);
    expect(Object.keys(dep).slice(0, 2)).toEqual(['kind', 'apiVersion']);
    expect(dep).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 } });

    const list = JSON.parse((await kit.sh("kubectl get --raw '/api/v1/namespaces/default/pods?labelSelector=app=web'")).stdout);
    expect(list.kind).toBe('PodList');
    expect(list.apiVersion).toBe('v1');
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(list.items).toHaveLength(2);
    // items carry no kind or apiVersion, as in a list from the server
    expect(list.items.every((p: Record<string, unknown>) => !('kind' in p) && !('apiVersion' in p))).toBe(true);
    expect(list.items.every((p: { status: { phase: string } }) => p.status.phase === 'Running')).toBe(true);

    const nodes = JSON.parse((await kit.sh('kubectl get --raw /api/v1/nodes')).stdout);
    expect(nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['master', 'node1', 'node2']);
  });

  it('is refused like any request when the API server is down', async () => {
    const kit = newKit();
    expect(await kit.sh('ssh node1 kubectl get --raw /healthz')).toEqual({
      stdout: '',
      stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    });
  });
});

describe('messages checked against kubectl v1.32', () => {
  it('delete --all with a selector', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl delete pods --all -l app=x')).toEqual({ stdout: '', stderr: "error: setting 'all' parameter but found a non empty selector. \n", exitCode: 1 });
  });

  it('run --rm without attaching', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl run x --image=nginx --rm')).toEqual({ stdout: '', stderr: "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 });
  });
});
