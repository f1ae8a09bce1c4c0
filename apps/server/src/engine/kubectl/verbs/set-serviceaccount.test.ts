// kubectl set serviceaccount: the texts of kubectl v1.32 (--local ones compared with the real
// binary), and what the cluster makes of the change.
import { Deployment, Pod } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl set serviceaccount', () => {
  it("sets the template's serviceAccountName (the API server mirrors it), and the new pods run as it", async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', 'kubectl create serviceaccount sa1');
    expect(await kit.sh('kubectl set sa deployment web sa1')).toEqual({ stdout: 'deployment.apps/web serviceaccount updated\n', stderr: '', exitCode: 0 });
    const d = kit.sandbox.cluster.store.get('deployments', 'default', 'web') as Deployment;
    expect([d.spec.template.spec.serviceAccountName, d.spec.template.spec.serviceAccount]).toEqual(['sa1', 'sa1']);
    // every object is patched and said updated, changed or not
    expect((await kit.sh('kubectl set serviceaccount deployment/web sa1 --dry-run=server')).stdout).toBe('deployment.apps/web serviceaccount updated (server dry run)\n');
    await kit.setup('sleep 20');
    const pods = (kit.sandbox.cluster.store.list('pods', 'default') as Pod[]).filter((p) => p.metadata.name!.startsWith('web-') && !p.metadata.deletionTimestamp);
    expect(pods.map((p) => p.spec.serviceAccountName)).toEqual(['sa1']);
  });

  it('--local prints what it changed in the files; errors as kubectl words them', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.25 --dry-run=client -o yaml > dep.yaml');
    expect(await kit.sh('kubectl set serviceaccount -f dep.yaml sa1 --local')).toEqual({ stdout: 'deployment.apps/web serviceaccount updated\n', stderr: '', exitCode: 0 });
    expect((await kit.sh("kubectl set sa -f dep.yaml sa1 --local -o jsonpath='{.spec.template.spec.serviceAccountName}'")).stdout).toBe('sa1');
    expect(await kit.sh('kubectl set serviceaccount -f dep.yaml --local')).toEqual({ stdout: '', stderr: 'error: serviceaccount is required\n', exitCode: 1 });
    expect((await kit.sh('kubectl set serviceaccount sa1 --local')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
    // an object without a pod spec: kubectl 1.32's words, after the objects it updated
    await kit.setup('kubectl create service clusterip web --tcp=80 --dry-run=client -o yaml > svc.yaml');
    expect(await kit.sh('kubectl set sa -f svc.yaml -f dep.yaml sa1 --local')).toEqual({
      stdout: 'deployment.apps/web serviceaccount updated\n',
      stderr: 'error: service/web the object is not a pod or does not have a pod template: *v1.Service\n',
      exitCode: 1,
    });
    // a running pod's spec does not change
    await kit.setup('kubectl run p --image=nginx');
    const r = await kit.sh('kubectl set sa pod p sa1');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: failed to patch ServiceAccountName The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });
});
