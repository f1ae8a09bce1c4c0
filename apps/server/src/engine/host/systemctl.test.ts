// systemctl on a node: `status` of the kubelet while it runs and after `sudo systemctl stop`,
// in the shape of systemd 255 on Ubuntu 24.04 (the unit's header; no journal lines).
import { newKit } from '../kubectl/verbs/verb-test-kit';
import { systemdAgo } from './systemctl';

const HEADER = [
  '     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
  '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
  '             └─10-kubeadm.conf',
];

describe('systemctl', () => {
  it('status of the kubelet: active, then inactive (dead) after sudo systemctl stop, then active again', async () => {
    const kit = newKit();
    await kit.setup('ssh node1');
    const running = await kit.sh('systemctl status kubelet');
    expect(running).toEqual({
      stdout: [
        '● kubelet.service - kubelet: The Kubernetes Node Agent',
        ...HEADER,
        '     Active: active (running) since Wed 2025-12-31 23:55:00 UTC; 5min ago',
        '       Docs: https://kubernetes.io/docs/',
        '   Main PID: 1536 (kubelet)',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(await kit.sh('sudo systemctl status kubelet')).toEqual(running);

    expect(await kit.sh('systemctl stop kubelet')).toEqual({
      stdout: '',
      stderr: "Failed to stop kubelet.service: Access denied\nSee system logs and 'systemctl status kubelet.service' for details.\n",
      exitCode: 1,
    });
    await kit.setup('sudo systemctl stop kubelet', 'sleep 90');
    expect(await kit.sh('sudo systemctl status kubelet')).toEqual({
      stdout: [
        '○ kubelet.service - kubelet: The Kubernetes Node Agent',
        ...HEADER,
        '     Active: inactive (dead) since Thu 2026-01-01 00:00:00 UTC; 1min 30s ago',
        '       Docs: https://kubernetes.io/docs/',
        '    Process: 1536 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=0/SUCCESS)',
        '   Main PID: 1536 (code=exited, status=0/SUCCESS)',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 3,
    });
    expect(await kit.sh('systemctl is-active kubelet')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
    // the node went NotReady meanwhile (50 s without status)
    expect((await kit.sh('ssh master kubectl get node node1 --no-headers')).stdout).toMatch(/^node1 +NotReady +<none> /);

    await kit.setup('sudo systemctl start kubelet', 'sleep 3');
    expect((await kit.sh('systemctl status kubelet')).stdout).toBe(
      [
        '● kubelet.service - kubelet: The Kubernetes Node Agent',
        ...HEADER,
        '     Active: active (running) since Thu 2026-01-01 00:01:30 UTC; 3s ago',
        '       Docs: https://kubernetes.io/docs/',
        '   Main PID: 1560 (kubelet)',
        '',
      ].join('\n'),
    );
  });

  it('sudo systemctl restart kubelet registers the Node that kubectl delete node removed (a running kubelet does not)', async () => {
    const kit = newKit();
    await kit.setup('kubectl delete node node1', 'sleep 30');
    expect(await kit.sh('kubectl get node node1')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "node1" not found\n', exitCode: 1 });
    await kit.setup('ssh node1', 'sudo systemctl restart kubelet', 'exit');
    expect((await kit.sh('kubectl get node node1')).stdout).toBe('NAME    STATUS     ROLES    AGE   VERSION\nnode1   NotReady   <none>   0s    v1.32.5\n');
    await kit.setup('sleep 1');
    expect((await kit.sh('kubectl get node node1')).stdout).toBe('NAME    STATUS   ROLES    AGE   VERSION\nnode1   Ready    <none>   1s    v1.32.5\n');
    expect((await kit.sh('ssh node1 systemctl status kubelet')).stdout.split('\n')[4]).toBe('     Active: active (running) since Thu 2026-01-01 00:00:30 UTC; 1s ago');
  });

  it('status of a unit that is always there, and of one that is not', async () => {
    const kit = newKit();
    expect(await kit.sh('systemctl status containerd')).toEqual({
      stdout: [
        '● containerd.service - containerd container runtime',
        '     Loaded: loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)',
        '     Active: active (running) since Wed 2025-12-31 23:55:00 UTC; 5min ago',
        '       Docs: https://containerd.io',
        '   Main PID: 751 (containerd)',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(await kit.sh('systemctl status nope')).toEqual({ stdout: '', stderr: 'Unit nope.service could not be found.\n', exitCode: 4 });
  });

  it.each([
    [0, 'now'],
    [250, '250ms ago'],
    [3000, '3s ago'],
    [90_000, '1min 30s ago'],
    [299_000, '4min 59s ago'],
    [300_000, '5min ago'],
    [3_725_000, '1h 2min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
    [8 * 86_400_000, '1 week 1 day ago'],
    [15 * 86_400_000, '2 weeks 1 day ago'],
  ])('systemd says %i ms ago as %j', (ms, text) => {
    expect(systemdAgo(ms)).toBe(text);
  });
});
