// Tab completion in `kubeaula shell`: what readline offers for the word under the cursor.
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { completeLine } from './completion';

const START = Date.UTC(2026, 0, 1);

describe('completeLine', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    const r = await sandbox.run(sandbox.newSession(), 'kubectl run web --image=nginx && kubectl run worker --image=busybox -- sleep 3600 && kubectl create deploy api --image=nginx');
    expect(r.result.exitCode).toBe(0);
  });
  const coredns = () =>
    sandbox.cluster.store
      .list('pods', 'kube-system')
      .map((p) => p.metadata.name!)
      .filter((n) => n.startsWith('coredns-'));

  it.each([
    ['', ['kubectl', 'kubeadm', 'kompose', 'cat', 'ls', 'cd', 'echo', 'ssh', 'sudo', 'exit', 'help', 'history', 'clear', 'sleep'], ''],
    ['ku', ['kubectl', 'kubeadm'], 'ku'],
    ['kubectl ge', ['get'], 'ge'],
    ['kubectl de', ['delete', 'describe', 'debug'], 'de'],
    ['kubectl get po', ['pods', 'po'], 'po'],
    ['k get po', ['pods', 'po'], 'po'],
    ['kubectl get deploy', ['deployments', 'deploy'], 'deploy'],
    ['kubectl get pods w', ['web', 'worker'], 'w'],
    ['kubectl get pods web wo', ['worker'], 'wo'],
    ['kubectl get pods web w', ['worker'], 'w'],
    ['kubectl get pod/w', ['pod/web', 'pod/worker'], 'pod/w'],
    ['kubectl describe node n', ['node1', 'node2'], 'n'],
    ['kubectl get ns kube-', ['kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system'], 'kube-'],
    ['kubectl get pods -n ', ['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system'], ''],
    ['kubectl get pods --namespace kube-p', ['kube-public'], 'kube-p'],
    ['kubectl get pods --namespace=kube-s', ['--namespace=kube-system'], '--namespace=kube-s'],
    ['kubectl get pods -n kube-system etcd', ['etcd-master'], 'etcd'],
    ['kubectl -n kube-system get pods etcd', ['etcd-master'], 'etcd'],
    ['kubectl get pods --namespace=kube-system etcd', ['etcd-master'], 'etcd'],
    ['kubectl get deploy -n kube-system ', ['coredns'], ''],
    ['kubectl get deploy -A ', ['api', 'coredns'], ''],
    ['kubectl get pods -l run=web -o wide w', ['web', 'worker'], 'w'],
    ['kubectl logs w', ['web', 'worker'], 'w'],
    ['kubectl logs -f -n kube-system etcd', ['etcd-master'], 'etcd'],
    ['kubectl exec -it we', ['web'], 'we'],
    ['kubectl logs web ', [], ''],
    ['kubectl get nosuchtype ', [], ''],
    ['kubectl apply -f ', [], ''],
    ['ssh n', ['node1', 'node2'], 'n'],
    ['cat ', [], ''],
  ])('%j', (line, candidates, word) => {
    expect(completeLine(sandbox, line)).toEqual([candidates, word]);
  });

  it('names pods in the namespace -n gives, not in default', () => {
    expect(completeLine(sandbox, 'kubectl get pods -n kube-system cor')).toEqual([coredns(), 'cor']);
    expect(coredns()).toHaveLength(2);
    expect(completeLine(sandbox, 'kubectl get pods cor')).toEqual([[], 'cor']);
  });

  it('offers every visible kubectl verb after `kubectl `', () => {
    const [verbs] = completeLine(sandbox, 'kubectl ');
    expect(verbs).toEqual(expect.arrayContaining(['get', 'describe', 'apply', 'logs', 'exec', 'rollout', 'config', 'api-resources']));
    expect(new Set(verbs).size).toBe(verbs.length);
  });
});
