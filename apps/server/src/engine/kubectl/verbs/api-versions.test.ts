// kubectl api-versions: the group/versions of the simulated API server's discovery, sorted as
// kubectl sorts them (sort.Strings: the core `v1` last). A real kubeadm v1.32 API server also
// serves groups whose kinds the simulation does not (batch/v1, networking.k8s.io/v1, policy/v1...):
// the list stays the one `kubectl api-resources` shows.
import { RESOURCES, apiVersionOf } from '../../api/resources';
import { newKit } from './verb-test-kit';

describe('kubectl api-versions', () => {
  test('one line per group/version served, sorted', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl api-versions')).toEqual({
      stdout: 'apps/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nrbac.authorization.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
      stderr: '',
      exitCode: 0,
    });
  });

  test('every APIVERSION of api-resources, and nothing else', async () => {
    const kit = newKit();
    const listed = (await kit.sh('kubectl api-versions')).stdout.trim().split('\n');
    const table = (await kit.sh('kubectl api-resources --no-headers')).stdout.trim().split('\n');
    const fromTable = new Set(table.map((row) => row.split(/\s+/).find((cell) => /^([a-z0-9.-]+\/)?v\d/.test(cell))));
    expect(new Set(listed)).toEqual(fromTable);
    expect(new Set(listed)).toEqual(new Set(RESOURCES.map(apiVersionOf)));
  });

  test('without a kubeconfig it is refused like every call to the server', async () => {
    const kit = newKit();
    const r = await kit.sh('ssh node1 kubectl api-versions');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/The connection to the server localhost:8080 was refused - did you specify the right host or port\?\n$/);
  });
});
