// kubectl get -w (get.go watch): the list and every event after it go through one tabwriter
// with RememberWidths, so later rows keep the columns of the first table; a watch of several
// types fails before anything is printed (the builder's SingleResourceType check).
import { newKit } from './verb-test-kit';

describe('kubectl get --watch', () => {
  it('prints the events in the columns of the listed table', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl get pods -w --request-timeout=10s')).toEqual({
      stdout:
        'NAME   READY   STATUS              RESTARTS   AGE\n' +
        'web    0/1     ContainerCreating   0          0s\n' +
        'web    0/1     ContainerCreating   0          1s\n' +
        'web    1/1     Running             0          4s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('a wider cell widens its column from that row on', async () => {
    const kit = newKit();
    await kit.setup('kubectl run a --image=busybox --restart=Never -- sleep 5', 'sleep 4');
    expect((await kit.sh('kubectl get pods -w --request-timeout=10s')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\n' + 'a      1/1     Running   0          4s\n' + 'a      0/1     Completed   0          7s\n',
    );
  });

  it('several types: the error alone, nothing listed first', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl get pods,svc -w')).toEqual({ stdout: '', stderr: 'error: you may only specify a single resource type\n', exitCode: 1 });
  });
});
