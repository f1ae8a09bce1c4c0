// -o go-template against what kubectl v1.32 printed for the same templates and objects
// (testdata/go-template.json; see testdata/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newKit } from '../verbs/verb-test-kit';

interface Case {
  object: 'deployment' | 'secret';
  template: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const cases = JSON.parse(readFileSync(join(__dirname, 'testdata', 'go-template.json'), 'utf8')) as Case[];

const OBJECTS = {
  deployment: 'kubectl create deployment web --image=nginx --image=redis --replicas=3 --dry-run=client',
  secret: 'kubectl create secret generic s --from-literal=password=hunter2 --from-literal=user=ana --dry-run=client',
};

describe('-o go-template', () => {
  const kit = newKit();

  test.each(cases.map((c) => [c.template, c] as const))('%s', async (_t, c) => {
    const r = await kit.sh(`${OBJECTS[c.object]} -o go-template='${c.template}'`);
    // the debugging block's raw JSON follows the simulation's key order, not Go's struct order
    const stdout = r.stdout.split('\n').filter((l) => !l.startsWith('\t\t{')).join('\n');
    expect({ stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });

  it('reads a secret as the usual idiom does', async () => {
    const k = newKit();
    await k.setup('kubectl create secret generic db --from-literal=password=s3cret');
    expect(await k.sh("kubectl get secret db -o go-template='{{.data.password | base64decode}}'")).toEqual({ stdout: 's3cret', stderr: '', exitCode: 0 });
    expect(await k.sh("kubectl get pods -n kube-system -o go-template='{{len .items}}'")).toEqual({ stdout: '9', stderr: '', exitCode: 0 });
  });
});
