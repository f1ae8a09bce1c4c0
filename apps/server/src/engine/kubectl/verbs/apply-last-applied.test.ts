// kubectl apply view-last-applied: the annotation client-side apply keeps, as YAML (keys sorted,
// Go's JSONToYAML) or JSON (the stored text indented), with kubectl's errors (kubectl's own
// tests, apply_view_last_applied_test.go, pin the messages).

import { newKit } from './verb-test-kit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
`;

async function applied() {
  const k = newKit();
  await k.setup(`cat > pod.yaml <<'EOF'\n${POD}EOF`, 'kubectl apply -f pod.yaml');
  return k;
}

describe('kubectl apply view-last-applied', () => {
  it('prints the applied manifest as YAML, keys sorted, namespace and empty annotations added as kubectl adds them', async () => {
    const k = await applied();
    expect(await k.sh('kubectl apply view-last-applied pod/web')).toEqual({
      stdout: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {}\n  labels:\n    app: web\n  name: web\n  namespace: default\nspec:\n  containers:\n  - image: nginx\n    name: web\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await k.sh('kubectl apply view-last-applied -f pod.yaml')).stdout).toBe((await k.sh('kubectl apply view-last-applied pod web')).stdout);
    expect((await k.sh('kubectl apply view-last-applied pods -l app=web')).stdout).toContain('kind: Pod\n');
  });

  it('-o json indents the stored JSON and keeps its final newline', async () => {
    const k = await applied();
    expect((await k.sh('kubectl apply view-last-applied pod/web -o json')).stdout).toBe(
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "annotations": {},\n    "labels": {\n      "app": "web"\n    },\n    "name": "web",\n    "namespace": "default"\n  },\n  "spec": {\n    "containers": [\n      {\n        "image": "nginx",\n        "name": "web"\n      }\n    ]\n  }\n}\n',
    );
  });

  it('stores the annotation as kubectl writes it: sorted JSON, `"annotations":{}` included, one newline', async () => {
    const k = await applied();
    expect((await k.sh("kubectl get pod web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'")).stdout).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n',
    );
  });

  it("answers kubectl's errors", async () => {
    const k = await applied();
    await k.setup('kubectl run plain --image=nginx');
    expect(await k.sh('kubectl apply view-last-applied pod/plain')).toEqual({ stdout: '', stderr: 'error: no last-applied-configuration annotation found on resource: plain\n', exitCode: 1 });
    // the first object without one ends the command, before anything is printed
    expect((await k.sh('kubectl apply view-last-applied pod/web pod/plain')).stdout).toBe('');
    expect((await k.sh('kubectl apply view-last-applied pod/web -o wide')).stderr).toBe(
      "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'view-last-applied -h' for help and examples\n",
    );
    expect((await k.sh('kubectl apply view-last-applied pod/nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await k.sh('kubectl apply view-last-applied')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });

  it('refuses the other apply subcommands in one line', async () => {
    const k = await applied();
    expect((await k.sh('kubectl apply edit-last-applied pod/web')).stderr).toMatch(/^error: `kubectl apply edit-last-applied` is not supported in kubeaula: /);
    expect((await k.sh('kubectl apply set-last-applied -f pod.yaml')).stderr).toMatch(/^error: `kubectl apply set-last-applied` is not supported in kubeaula: /);
    // apply itself still takes its files
    expect((await k.sh('kubectl apply -f pod.yaml')).stdout).toBe('pod/web unchanged\n');
  });
});
