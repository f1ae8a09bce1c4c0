import { newKit } from '../kubectl/verbs/verb-test-kit';

// A container whose main process is curl, wget, nslookup or dig runs against the cluster when it
// starts; its waits are its run's time, its exit status the pod's.
const SETUP = ['kubectl create deployment web --image=httpd', 'kubectl expose deployment web --port=80', 'kubectl create service clusterip empty --tcp=80:80', 'sleep 30'];
const IT_WORKS = '<html><body><h1>It works!</h1></body></html>';

describe('a network client as a container\'s main process', () => {
  it('ends as the client does: Completed with what it fetched, Error with its error (at once when refused)', async () => {
    const kit = newKit();
    await kit.setup(...SETUP);
    await kit.setup(
      'kubectl run ok --image=busybox --restart=Never -- wget -qO- http://web',
      'kubectl run typo --image=busybox --restart=Never -- wget -qO- http://wbe',
      'kubectl run refused --image=busybox --restart=Never -- wget -qO- http://empty',
      'kubectl run lookup --image=busybox --restart=Never -- nslookup web',
      'sleep 10',
    );
    const pods = (await kit.sh("kubectl get pods ok typo refused lookup -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,CODE:.status.containerStatuses[0].state.terminated.exitCode --no-headers")).stdout;
    expect(pods.split('\n').filter(Boolean).map((l) => l.split(/\s+/))).toEqual([
      ['ok', 'Succeeded', '0'],
      ['typo', 'Failed', '1'],
      ['refused', 'Failed', '1'],
      ['lookup', 'Succeeded', '0'],
    ]);
    expect((await kit.sh('kubectl logs ok')).stdout).toBe(`${IT_WORKS}\n`);
    expect((await kit.sh('kubectl logs typo')).stdout).toBe("wget: bad address 'wbe'\n");
    expect((await kit.sh('kubectl logs refused')).stdout).toMatch(/^wget: can't connect to remote host \(10\.[\d.]+\): Connection refused\n$/);
    expect((await kit.sh('kubectl logs lookup')).stdout).toMatch(/^Server:\t\t10\.96\.0\.10\n.*Name:\tweb\.default\.svc\.cluster\.local\nAddress: 10\./s);
  });

  it('waits out a connection nobody answers in the run\'s own time (129.6 s), then fails', async () => {
    const kit = newKit();
    await kit.setup(...SETUP, 'kubectl run late --image=busybox --restart=Never -- wget -qO- http://10.96.0.99', 'sleep 60');
    expect((await kit.sh('kubectl get pod late -o jsonpath={.status.phase}')).stdout).toBe('Running');
    expect((await kit.sh('kubectl logs late')).stdout).toBe('');
    await kit.sh('sleep 90');
    expect((await kit.sh('kubectl get pod late -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}')).stdout).toBe('1');
    expect((await kit.sh('kubectl logs late')).stdout).toBe("wget: can't connect to remote host (10.96.0.99): Connection timed out\n");
  });

  it('kubectl run --rm -i ends with the client\'s status, as kubectl reports a failed pod', async () => {
    const kit = newKit();
    await kit.setup(...SETUP);
    expect(await kit.sh('kubectl run t --rm -i --image=busybox --restart=Never -- wget -qO- http://web')).toEqual({ stdout: `${IT_WORKS}\npod "t" deleted\n`, stderr: '', exitCode: 0 });
    const failed = await kit.sh('kubectl run u --rm -i --image=busybox --restart=Never -- wget -qO- http://nope');
    // (the container's log lines come on stdout: the simulated logs keep no stream)
    expect(failed).toEqual({ stdout: 'wget: bad address \'nope\'\npod "u" deleted\n', stderr: 'pod default/u terminated (Error)\n', exitCode: 1 });
  });

  it('runs curlimages/curl through its entrypoint script: `curl -s URL`, `-s URL` and --command alike', async () => {
    const kit = newKit();
    await kit.setup(
      ...SETUP,
      'kubectl run a --image=curlimages/curl --restart=Never -- curl -s web',
      'kubectl run b --image=curlimages/curl --restart=Never -- -s web',
      'kubectl run c --image=curlimages/curl --restart=Never --command -- curl -s web',
      'kubectl run d --image=curlimages/curl --restart=Never',
      'sleep 10',
    );
    for (const pod of ['a', 'b', 'c']) expect([pod, (await kit.sh(`kubectl logs ${pod}`)).stdout]).toEqual([pod, `${IT_WORKS}\n`]);
    // no arguments: curl alone, its usage hint and status 2
    expect((await kit.sh('kubectl logs d')).stdout).toBe("curl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await kit.sh('kubectl get pod d -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}')).stdout).toBe('2');
  });

  it('takes a download from the Internet as done, at once and silently (the docs\' init container)', async () => {
    const kit = newKit();
    await kit.setup(
      ...SETUP,
      'kubectl run page --image=busybox --restart=Never -- wget -O /tmp/index.html http://info.cern.ch',
      'kubectl run tagged --image=busybox --restart=Never -- wget -qO/tmp/t.txt info.cern.ch',
      'kubectl run docs --image=curlimages/curl --restart=Never -- -sSLo page.html https://kubernetes.io/docs/',
      // a cluster name is asked of the cluster, whatever the options before it
      'kubectl run local --image=busybox --restart=Never -- wget -qO /tmp/x http://web.default.svc.cluster.local',
      'sleep 10',
    );
    const phases = await kit.sh('kubectl get pods page tagged docs local -o jsonpath=\'{range .items[*]}{.status.phase} {end}\'');
    expect(phases.stdout).toBe('Succeeded Succeeded Succeeded Succeeded ');
    // only `local` reached a server: one request in the web server's log
    expect((await kit.sh('kubectl logs deploy/web | grep -c "GET / HTTP"')).stdout).toBe('1\n');
  });

  it('is logged by the server it reached, when it ran', async () => {
    const kit = newKit();
    await kit.setup(...SETUP, 'kubectl run one --image=busybox --restart=Never -- wget -qO- http://web', 'sleep 10');
    const access = (await kit.sh('kubectl logs deploy/web')).stdout;
    expect(access).toMatch(/"GET \/ HTTP\/1\.1" 200 45\n$/);
  });
});
