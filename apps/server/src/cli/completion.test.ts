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
    // kubectl's completion runs a get of its own that never sees -A: the namespace is still default
    ['kubectl get deploy -A ', ['api'], ''],
    ['kubectl get deploy --all-namespaces ', ['api'], ''],
    ['kubectl get deploy -A -n kube-system ', ['coredns'], ''],
    ['kubectl get -nkube-system deploy ', ['coredns'], ''],
    ['kubectl get deploy -n=kube-system ', ['coredns'], ''],
    ['kubectl --namespace kube-system get deploy ', ['coredns'], ''],
    ['kubectl get deploy --namespace kube-system ', ['coredns'], ''],
    ['kubectl get -n kube-system deploy/c', ['deploy/coredns'], 'deploy/c'],
    ['kubectl get deploy/c', [], 'deploy/c'],
    ['kubectl exec -n kube-system etcd', ['etcd-master'], 'etcd'],
    // a context that does not exist: kubectl cannot list anything
    ['kubectl get deploy --context nosuch ', [], ''],
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

  it('names objects in the namespace of the kubeconfig context, which -n and --context override', async () => {
    const sb = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    let session = sb.newSession();
    const sh = async (line: string): Promise<void> => {
      const r = await sb.run(session, line);
      expect([line, r.result.stderr, r.result.exitCode]).toEqual([line, '', 0]);
      session = r.session;
    };
    await sh('kubectl create deploy api --image=nginx');
    expect(completeLine(sb, 'kubectl get deploy ', session)).toEqual([['api'], '']);
    await sh('kubectl config set-context --current --namespace=kube-system');
    // the session's kubectl and a new one on the same host (the web door's) read the same file
    for (const s of [session, undefined]) {
      expect(completeLine(sb, 'kubectl get deploy ', s)).toEqual([['coredns'], '']);
      expect(completeLine(sb, 'kubectl get deploy -A ', s)).toEqual([['coredns'], '']);
      expect(completeLine(sb, 'kubectl get pods etcd', s)).toEqual([['etcd-master'], 'etcd']);
      expect(completeLine(sb, 'kubectl logs etcd', s)).toEqual([['etcd-master'], 'etcd']);
      expect(completeLine(sb, 'kubectl get deploy -n default ', s)).toEqual([['api'], '']);
      expect(completeLine(sb, 'kubectl --namespace=default get deploy ', s)).toEqual([['api'], '']);
      expect(completeLine(sb, 'kubectl get deploy/c', s)).toEqual([['deploy/coredns'], 'deploy/c']);
      expect(completeLine(sb, 'kubectl get deploy/a', s)).toEqual([[], 'deploy/a']);
      // cluster-scoped objects have no namespace
      expect(completeLine(sb, 'kubectl get nodes ', s)).toEqual([['master', 'node1', 'node2'], '']);
    }
    // another context, named on the line or made current
    await sh('kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=default');
    expect(completeLine(sb, 'kubectl get deploy --context dev ', session)).toEqual([['api'], '']);
    expect(completeLine(sb, 'kubectl --context=dev get deploy ', session)).toEqual([['api'], '']);
    await sh('kubectl config use-context dev');
    expect(completeLine(sb, 'kubectl get deploy ', session)).toEqual([['api'], '']);
    expect(completeLine(sb, 'kubectl get deploy --context kubernetes-admin@kubernetes ', session)).toEqual([['coredns'], '']);
    // the session's KUBECONFIG: a copy whose context names kube-system
    await sh('cp ~/.kube/config ~/ks.conf && kubectl --kubeconfig ks.conf config use-context kubernetes-admin@kubernetes');
    expect(completeLine(sb, 'kubectl get deploy --kubeconfig ks.conf ', session)).toEqual([['coredns'], '']);
    await sh('export KUBECONFIG=/home/student/ks.conf');
    expect(completeLine(sb, 'kubectl get deploy ', session)).toEqual([['coredns'], '']);
    // a kubeconfig that is not there: kubectl's own call would fail, so nothing is offered
    await sh('export KUBECONFIG=/home/student/none.conf');
    expect(completeLine(sb, 'kubectl get deploy ', session)).toEqual([[], '']);
  });

  it('offers every visible kubectl verb after `kubectl `', () => {
    const [verbs] = completeLine(sandbox, 'kubectl ');
    expect(verbs).toEqual(expect.arrayContaining(['get', 'describe', 'apply', 'logs', 'exec', 'rollout', 'config', 'api-resources']));
    expect(new Set(verbs).size).toBe(verbs.length);
  });
});
