// kubectl set selector: the texts of kubectl v1.32 (--local ones compared with the real binary),
// and what the Service's new selector does to its endpoints.
import { newKit } from './verb-test-kit';

describe('kubectl set selector', () => {
  it("changes a Service's selector, and its endpoints follow", async () => {
    const kit = newKit();
    await kit.setup('kubectl run a --image=nginx --labels=app=a', 'kubectl run b --image=nginx --labels=app=b', 'kubectl expose pod a --port=80 --name=web', 'sleep 10');
    const ips = async () => (await kit.sh("kubectl get endpoints web -o jsonpath='{.subsets[*].addresses[*].ip}'")).stdout;
    const podIp = async (p: string) => (await kit.sh(`kubectl get pod ${p} -o jsonpath='{.status.podIP}'`)).stdout;
    expect(await ips()).toBe(await podIp('a'));
    expect(await kit.sh('kubectl set selector svc web app=b')).toEqual({ stdout: 'service/web selector updated\n', stderr: '', exitCode: 0 });
    expect((await kit.sh("kubectl get svc web -o jsonpath='{.spec.selector}'")).stdout).toBe('{"app":"b"}');
    expect(await ips()).toBe(await podIp('b'));
  });

  it('refuses other kinds, set-based requirements and a missing selector as kubectl does', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port=80');
    const fails = async (line: string) => {
      const r = await kit.sh(line);
      expect(r.exitCode).toBe(1);
      return r.stderr;
    };
    expect(await fails('kubectl set selector deployment web app=x')).toBe('error: setting a selector is only supported for Services\n');
    expect(await fails("kubectl set selector svc web 'app in (a,b)'")).toBe('error: match expression [{app In [a b]}] not supported on this object\n');
    expect(await fails("kubectl set selector svc web 'app,!b'")).toBe('error: match expression [{app Exists []} {b DoesNotExist []}] not supported on this object\n');
    expect(await fails("kubectl set selector svc web 'app!=x'")).toBe('error: "!=" is not a valid label selector operator\n');
    expect(await fails("kubectl set selector svc web 'bad key=x'")).toBe(`error: couldn't parse the selector string "bad key=x": unable to parse requirement: found 'key', expected: in, notin, =, ==, !=, gt, lt\n`);
    await kit.setup('kubectl get svc web -o yaml > svc.yaml');
    expect(await fails('kubectl set selector -f svc.yaml --local')).toBe('error: one selector is required\n');
    // a dry run changes nothing
    expect((await kit.sh('kubectl set selector svc web app=x --dry-run=client')).stdout).toBe('service/web selector updated (dry run)\n');
    expect((await kit.sh("kubectl get svc web -o jsonpath='{.spec.selector}'")).stdout).toBe('{"app":"web"}');
  });
});
