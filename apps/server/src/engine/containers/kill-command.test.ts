import { newKit } from '../kubectl/verbs/verb-test-kit';

// `kill` from inside a container reaches only PID 1, the main process, and only with a signal it
// handles: a server stops (exit 0) and the kubelet restarts it; SIGKILL, and a process without a
// SIGTERM handler, are ignored.

describe('kill in a container', () => {
  it('SIGTERM stops a server, which the kubelet restarts (Completed, exit 0); SIGKILL from inside does nothing', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'sleep 20');
    expect(await kit.sh("kubectl exec web -- sh -c 'kill -9 1'")).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await kit.setup('sleep 5');
    expect((await kit.sh('kubectl get pod web -o jsonpath={.status.containerStatuses[0].restartCount}')).stdout).toBe('0');
    await kit.setup("kubectl exec web -- sh -c 'kill 1'", 'sleep 5');
    expect((await kit.sh('kubectl get pod web -o jsonpath={.status.containerStatuses[0].restartCount}/{.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}')).stdout).toBe('1/Completed/0');
    expect((await kit.sh('kubectl get pod web -o jsonpath={.status.phase}')).stdout).toBe('Running');
  });

  it('a main process without a SIGTERM handler (sleep as PID 1) ignores it', async () => {
    const kit = newKit();
    await kit.setup('kubectl run sl --image=busybox -- sleep 3600', 'sleep 20', 'kubectl exec sl -- kill 1', 'kubectl exec sl -- kill -TERM 1', 'sleep 30');
    expect((await kit.sh('kubectl get pod sl -o jsonpath={.status.containerStatuses[0].restartCount}')).stdout).toBe('0');
  });

  it("speaks as the image's shell: other PIDs are no process, unknown signals are refused; slim Debian images have no kill program", async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'kubectl run sl --image=busybox -- sleep 3600', 'sleep 20');
    expect(await kit.sh('kubectl exec sl -- kill 42')).toEqual({ stdout: '', stderr: "sh: can't kill pid 42: No such process\ncommand terminated with exit code 1\n", exitCode: 1 });
    expect((await kit.sh('kubectl exec sl -- kill -BAR 1')).stderr).toBe("sh: bad signal name 'BAR'\ncommand terminated with exit code 1\n");
    expect((await kit.sh("kubectl exec web -- sh -c 'kill 42'")).stderr).toBe('sh: 1: kill: No such process\ncommand terminated with exit code 1\n');
    expect((await kit.sh("kubectl exec web -- bash -c 'kill -s FOO 1'")).stderr).toBe('bash: line 1: kill: FOO: invalid signal specification\ncommand terminated with exit code 1\n');
    expect((await kit.sh('kubectl exec web -- kill 1')).stderr).toMatch(/exec: "kill": executable file not found in \$PATH: unknown\n$/);
  });
});
