// Flags the simulation does not honour are refused in one clear line, never silently ignored.
import { newKit } from './verbs/verb-test-kit';

describe('flags the simulation does not honour', () => {
  test.each([
    ['kubectl apply -k .', 'kustomize', 'kustomizations are not built; apply the manifests with -f'],
    ['kubectl apply --server-side -f x.yaml', 'server-side', 'server-side apply is not simulated; apply without it'],
    ['kubectl apply --prune -l a=b -f x.yaml', 'prune', 'pruning is not simulated; delete what you no longer want'],
    ['kubectl delete pod web --interactive', 'interactive', 'there is no confirmation prompt; delete without it'],
    ['kubectl create -f x.yaml --edit', 'edit', 'there is no editor; write the file and use -f'],
    ['kubectl replace --raw /api/v1/namespaces/default/pods/web -f x.yaml', 'raw', 'raw requests are only simulated for kubectl get'],
    ['kubectl get pod web --subresource=status', 'subresource', 'subresources are not served on their own; use the object itself'],
    ['kubectl logs pod/web --all-pods', 'all-pods', "logs are read one pod at a time; use -l with the workload's labels"],
    ['kubectl drain node1 --disable-eviction', 'disable-eviction', 'drain always evicts here'],
  ])('%s', async (line, flag, why) => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    const before = kit.sandbox.cluster.store.resourceVersion;
    expect(await kit.sh(line)).toEqual({ stdout: '', stderr: `error: --${flag} is not supported in kubeaula: ${why}\n`, exitCode: 1 });
    expect(kit.sandbox.cluster.store.resourceVersion).toBe(before);
  });

  it('a flag set to ask for nothing is no refusal', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    expect(await kit.sh('kubectl delete pod web --interactive=false --wait=false')).toEqual({ stdout: 'pod "web" deleted\n', stderr: '', exitCode: 0 });
  });
});
