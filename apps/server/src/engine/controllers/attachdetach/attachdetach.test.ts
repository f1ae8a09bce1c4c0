import { Sandbox, VirtualClock } from '../../sandbox';
import type { ClusterShape } from '../../cluster-state';
import type { KubeEvent, Pod } from '../../api/types';
import { failureAt } from './attachdetach';

const START = Date.UTC(2026, 0, 1);

async function cluster(shape: ClusterShape, manifest: string): Promise<Sandbox> {
  const s = Sandbox.create({ seed: 1, start: START, shape }, new VirtualClock(START));
  const r = await s.run(s.newSession(), `kubectl apply -f - <<'EOF'\n${manifest}\nEOF`, undefined, { isTTY: false });
  expect(r.result.stderr).toBe('');
  return s;
}

async function sleep(s: Sandbox, seconds: number): Promise<void> {
  await s.run(s.newSession(), `sleep ${seconds}`, undefined, { isTTY: false });
}

const pod = (name: string, volume: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
${volume}`;

const INLINE: [string, string, string][] = [
  ['ebs', '    awsElasticBlockStore:\n      volumeID: aws://us-east-1a/vol-0abc', 'AttachVolume.Attach failed for volume "data" : timed out waiting for external-attacher of ebs.csi.aws.com CSI driver to attach volume vol-0abc'],
  ['gce', '    gcePersistentDisk:\n      pdName: my-disk', 'AttachVolume.Attach failed for volume "data" : timed out waiting for external-attacher of pd.csi.storage.gke.io CSI driver to attach volume projects/UNSPECIFIED/zones/UNSPECIFIED/disks/my-disk'],
  ['azure', '    azureDisk:\n      diskName: d1\n      diskURI: /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d1', 'AttachVolume.Attach failed for volume "data" : timed out waiting for external-attacher of disk.csi.azure.com CSI driver to attach volume /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d1'],
  ['vsphere', '    vsphereVolume:\n      volumePath: "[datastore1] volumes/myDisk.vmdk"', 'AttachVolume.Attach failed for volume "data" : timed out waiting for external-attacher of csi.vsphere.vmware.com CSI driver to attach volume [datastore1] volumes/myDisk.vmdk'],
];

function eventsOf(s: Sandbox, name: string): KubeEvent[] {
  return (s.cluster.store.list('events', 'default') as KubeEvent[]).filter((e) => e.involvedObject.name === name);
}

describe('cloud volume types on a cluster without that cloud', () => {
  it.each(INLINE)('an inline %s volume leaves the pod ContainerCreating with FailedAttachVolume every attempt', async (name, volume, message) => {
    const s = await cluster('kubeadm', pod(name, volume));
    await sleep(s, 119);
    const p = s.cluster.store.get('pods', 'default', name) as Pod;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.podIP).toBeUndefined();
    expect(p.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect(eventsOf(s, name).map((e) => e.reason)).toEqual(['Scheduled']);
    await sleep(s, 2);
    const failed = eventsOf(s, name).filter((e) => e.reason === 'FailedAttachVolume');
    expect(failed).toMatchObject([{ type: 'Warning', message, count: 1, source: { component: 'attachdetach-controller' } }]);
    // retried after 500 ms, timing out again 2 min later; the kubelet's own wait times out silently
    await sleep(s, 120);
    expect(eventsOf(s, name).find((e) => e.reason === 'FailedAttachVolume')?.count).toBe(2);
    expect(eventsOf(s, name).map((e) => e.reason).sort()).toEqual(['FailedAttachVolume', 'Scheduled']);
    const describe = await s.run(s.newSession(), `kubectl describe pod ${name}`, undefined, { isTTY: false });
    expect(describe.result.stdout).toContain(`attachdetach-controller  ${message}\n`);
  });

  it('a gcePersistentDisk PersistentVolume bound through a claim fails the same way, named after the PV', async () => {
    const s = await cluster(
      'kubeadm',
      `apiVersion: v1
kind: PersistentVolume
metadata:
  name: gce-pv
  labels: {topology.kubernetes.io/zone: europe-west1-b}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  gcePersistentDisk: {pdName: data-disk, fsType: ext4}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 10Gi}}
---
${pod('app', '    persistentVolumeClaim: {claimName: claim}')}`,
    );
    await sleep(s, 130);
    expect((s.cluster.store.get('pods', 'default', 'app') as Pod).status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect(eventsOf(s, 'app').find((e) => e.reason === 'FailedAttachVolume')?.message).toBe(
      'AttachVolume.Attach failed for volume "gce-pv" : timed out waiting for external-attacher of pd.csi.storage.gke.io CSI driver to attach volume projects/UNSPECIFIED/zones/europe-west1-b/disks/data-disk',
    );
  });

  it("on a `cloud` cluster (GCE-like, its PD driver installed) a gcePersistentDisk attaches; an EBS volume does not", async () => {
    const s = await cluster('cloud', `${pod('gce', '    gcePersistentDisk:\n      pdName: my-disk')}\n---\n${pod('ebs', '    awsElasticBlockStore:\n      volumeID: vol-1')}`);
    await sleep(s, 130);
    expect((s.cluster.store.get('pods', 'default', 'gce') as Pod).status?.phase).toBe('Running');
    expect((s.cluster.store.get('pods', 'default', 'ebs') as Pod).status?.phase).toBe('Pending');
  });

  it('deleting the waiting pod ends the attempts', async () => {
    const s = await cluster('kubeadm', pod('ebs', '    awsElasticBlockStore:\n      volumeID: vol-1'));
    await sleep(s, 30);
    await s.run(s.newSession(), 'kubectl delete pod ebs', undefined, { isTTY: false });
    expect(s.cluster.store.get('pods', 'default', 'ebs')).toBeUndefined();
    expect(s.cluster.runtime.sections.attachdetach?.pods?.['default/ebs']).toBeUndefined();
  });

  it('a waiting pod and its attempts survive serialization: the same events follow', async () => {
    const a = await cluster('kubeadm', pod('ebs', '    awsElasticBlockStore:\n      volumeID: vol-1'));
    await sleep(a, 150);
    const b = Sandbox.load(JSON.parse(JSON.stringify(a.serialize())), new VirtualClock(a.clock.now()));
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(a.serialize()));
    for (const x of [a, b]) await sleep(x, 300);
    const look = (x: Sandbox) => eventsOf(x, 'ebs').map((e) => `${e.reason} ${e.count} ${e.lastTimestamp}`);
    expect(look(b)).toEqual(look(a));
    expect(eventsOf(b, 'ebs').find((e) => e.reason === 'FailedAttachVolume')?.count).toBe(3);
  });

  it('attempts fail every csiTimeout plus the doubling back-off', () => {
    expect([1, 2, 3, 4].map((k) => failureAt(0, k))).toEqual([120_000, 240_500, 361_500, 483_500]);
    expect(failureAt(0, 20) - failureAt(0, 19)).toBe(120_000 + 122_000);
  });
});
