// A node's Lease and heartbeats as kubectl reads them: renewed while its kubelet runs (every 10 s
// and every 5 minutes), frozen at the last renewal once it stops.
import { newKit } from './verbs/verb-test-kit';

const RENEW = "kubectl get lease -n kube-node-lease node1 -o jsonpath='{.spec.renewTime}'";
const BEAT = `kubectl get node node1 -o jsonpath='{.status.conditions[?(@.type=="Ready")].lastHeartbeatTime}'`;

describe('what the kubelets keep rewriting, as kubectl reads it', () => {
  it('renews the Lease every 10 s and re-posts the heartbeat every 5 minutes while the kubelet runs', async () => {
    const kit = newKit(); // nodes registered at 23:55:00, five minutes before T0
    await kit.setup('sleep 3725');
    expect((await kit.sh(RENEW)).stdout).toBe('2026-01-01T01:02:00.000000Z');
    expect((await kit.sh(BEAT)).stdout).toBe('2026-01-01T01:00:00Z');
    expect((await kit.sh('kubectl describe lease -n kube-node-lease node1')).stdout).toContain('Renew Time:              2026-01-01T01:02:00.000000Z\n');
  });

  it('keeps the last renewal once the kubelet stops', async () => {
    const kit = newKit();
    await kit.setup('sleep 3725', 'ssh node1 sudo systemctl stop kubelet', 'sleep 900');
    expect((await kit.sh(RENEW)).stdout).toBe('2026-01-01T01:02:00.000000Z');
    expect((await kit.sh(BEAT)).stdout).toBe('2026-01-01T01:00:00Z');
    expect((await kit.sh('kubectl get node node1')).stdout).toContain('NotReady');
  });
});
