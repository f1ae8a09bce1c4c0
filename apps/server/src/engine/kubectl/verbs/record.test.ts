// --record: deprecated in kubectl v1.32 (hidden, a warning on stderr) and still honoured: the
// command line goes into kubernetes.io/change-cause, which rollout history shows. The cause is
// kubectl's parseCommandArguments: `kubectl`, the words that are not flags, then each flag set
// as ` --<long name>=<value>` in the order given (checked against the real binary's client-side
// output: `kubectl set image --local -f d.yaml web=nginx:1.26 --record -o yaml`).

import { newKit } from './verb-test-kit';

const WARNING = 'Flag --record has been deprecated, --record will be removed in the future\n';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

const cause = "kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'";

describe('kubectl --record', () => {
  it('records apply and set image, and rollout history shows them', async () => {
    const k = newKit();
    await k.setup(`cat > d.yaml <<'EOF'\n${DEPLOYMENT}EOF`);
    expect(await k.sh('kubectl apply -f d.yaml --record')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: WARNING, exitCode: 0 });
    expect((await k.sh(cause)).stdout).toBe('kubectl apply --filename=d.yaml --record=true');
    // apply records before it computes what it applied: the cause is in the last-applied configuration
    expect((await k.sh('kubectl apply view-last-applied deployment/web')).stdout).toContain('  annotations:\n    kubernetes.io/change-cause: kubectl apply --filename=d.yaml --record=true\n');
    expect((await k.sh('kubectl set image deployment/web web=nginx:1.26 --record')).stderr).toBe(WARNING);
    await k.setup('sleep 60');
    expect((await k.sh('kubectl rollout history deployment/web')).stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         kubectl apply --filename=d.yaml --record=true\n2         kubectl set image deployment/web web=nginx:1.26 --record=true\n\n',
    );
  });

  it('warns but records nothing with --record=false', async () => {
    const k = newKit();
    await k.setup('kubectl create deployment web --image=nginx');
    expect(await k.sh('kubectl scale deployment web --replicas=3 --record=false')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: WARNING, exitCode: 0 });
    expect((await k.sh(cause)).stdout).toBe('');
  });

  it('names each flag by its long name, in the order given, global ones included', async () => {
    const k = newKit();
    await k.setup('kubectl create deployment web --image=nginx');
    await k.sh('kubectl -n default label deploy web tier=front --record --overwrite');
    expect((await k.sh(cause)).stdout).toBe('kubectl label deploy web tier=front --namespace=default --record=true --overwrite=true');
    await k.sh('kubectl scale deploy/web --replicas 3 --record');
    expect((await k.sh(cause)).stdout).toBe('kubectl scale deploy/web --replicas=3 --record=true');
  });

  it('records what run and expose create', async () => {
    const k = newKit();
    expect((await k.sh('kubectl run p --image=nginx --record')).stderr).toBe(WARNING);
    expect((await k.sh("kubectl get pod p -o jsonpath='{.metadata.annotations}'")).stdout).toBe('{"kubernetes.io/change-cause":"kubectl run p --image=nginx --record=true"}');
    await k.sh('kubectl expose pod p --port=80 --record');
    expect((await k.sh("kubectl get svc p -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'")).stdout).toBe('kubectl expose pod p --port=80 --record=true');
  });

  it('is a flag only of the commands that record in kubectl v1.32', async () => {
    const k = newKit();
    expect((await k.sh('kubectl create deployment web --image=nginx --record')).stderr).toBe("error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.\n");
    expect((await k.sh('kubectl rollout undo deployment/web --record')).stderr).toBe("error: unknown flag: --record\nSee 'kubectl rollout undo --help' for usage.\n");
    expect((await k.sh('kubectl delete pod x --record')).stderr).toBe("error: unknown flag: --record\nSee 'kubectl delete --help' for usage.\n");
  });
});

describe('kubectl --record with --local', () => {
  it('set records into the printed object; label does not (as kubectl v1.32)', async () => {
    const k = newKit();
    await k.setup(`cat > d.yaml <<'EOF'\n${DEPLOYMENT}EOF`);
    const set = await k.sh('kubectl set image --local -f d.yaml web=nginx:1.26 --record -o yaml');
    expect(set.stdout).toContain('    kubernetes.io/change-cause: kubectl set image web=nginx:1.26 --local=true --filename=d.yaml\n      --record=true --output=yaml\n');
    expect((await k.sh('kubectl label --local -f d.yaml a=b --record -o yaml')).stdout).not.toContain('change-cause');
  });
});
