import { Cluster } from '../../cluster';
import { KubeEvent, KubeObject, PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { findMatchingVolume } from './matching';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function pv(name: string, size: string, extra: Partial<PersistentVolume['spec']> = {}, labels?: Record<string, string>): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/data/${name}` }, ...extra },
    status: { phase: 'Available' },
  };
}

function pvc(name: string, size: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...extra },
  };
}

describe('findMatchingVolume', () => {
  const vols = [
    pv('big', '10Gi'),
    pv('small', '1Gi'),
    pv('medium', '5Gi'),
    pv('fast', '2Gi', { storageClassName: 'fast' }),
    pv('rwx', '2Gi', { accessModes: ['ReadWriteMany', 'ReadWriteOnce'] }),
    pv('block', '2Gi', { volumeMode: 'Block' }),
    pv('labelled', '3Gi', {}, { tier: 'gold' }),
  ];
  test.each([
    ['the smallest that fits', pvc('c', '2Gi'), 'rwx'],
    ['exact size', pvc('c', '1Gi'), 'small'],
    ['too big for all', pvc('c', '20Gi'), undefined],
    ['class must match', pvc('c', '1Gi', { storageClassName: 'fast' }), 'fast'],
    ['unknown class', pvc('c', '1Gi', { storageClassName: 'slow' }), undefined],
    ['access modes are a subset', pvc('c', '1Gi', { accessModes: ['ReadWriteMany'] }), 'rwx'],
    ['volume mode', pvc('c', '1Gi', { volumeMode: 'Block' }), 'block'],
    ['selector', pvc('c', '1Gi', { selector: { matchLabels: { tier: 'gold' } } }), 'labelled'],
  ])('%s', (_n, claim, want) => {
    expect(findMatchingVolume(claim, vols)?.metadata.name).toBe(want);
  });
  test('a volume pre-bound to the claim is chosen over a smaller one', () => {
    const pre = pv('pre', '8Gi', { claimRef: { namespace: 'default', name: 'c' } });
    expect(findMatchingVolume(pvc('c', '1Gi'), [...vols, pre])?.metadata.name).toBe('pre');
  });
  test('a volume bound to another claim is not', () => {
    const other = pv('other', '1Gi', { claimRef: { namespace: 'default', name: 'x', uid: 'u' } });
    expect(findMatchingVolume(pvc('c', '1Gi'), [other])).toBeUndefined();
  });
});

describe('persistentvolume controller', () => {
  const create = (c: Cluster, at: number, ...objs: KubeObject[]) => c.at(at, () => objs.forEach((o) => c.api.create(o)));
  const getPv = (c: Cluster, n: string) => c.store.get('persistentvolumes', undefined, n) as PersistentVolume | undefined;
  const getPvc = (c: Cluster, n: string) => c.store.get('persistentvolumeclaims', 'default', n) as PersistentVolumeClaim | undefined;
  const strip = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, uid: undefined } });

  test('binds a claim to the smallest fitting volume, both sides recorded', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pv('pv-10', '10Gi')), strip(pv('pv-2', '2Gi')));
    expect(getPv(c, 'pv-2')!.status?.phase).toBe('Available');
    expect(getPv(c, 'pv-2')!.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    create(c, T0 + 2 * S, strip(pvc('data', '1Gi')));
    const claim = getPvc(c, 'data')!;
    const vol = getPv(c, 'pv-2')!;
    expect(claim.spec.volumeName).toBe('pv-2');
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(vol.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid, apiVersion: 'v1' });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(vol.status).toEqual({ phase: 'Bound', lastPhaseTransitionTime: '2026-01-01T00:00:02Z' });
    expect(getPv(c, 'pv-10')!.status?.phase).toBe('Available');
  });

  test('no volume and no class: Pending with FailedBinding, bound when a volume appears', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pvc('data', '1Gi')));
    expect(getPvc(c, 'data')!.status?.phase).toBe('Pending');
    const events = (c.store.list('events', 'default') as KubeEvent[]).filter((e) => e.involvedObject.name === 'data');
    expect(events.map((e) => [e.type, e.reason, e.message, e.source?.component])).toEqual([
      ['Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', 'persistentvolume-controller'],
    ]);
    create(c, T0 + 5 * S, strip(pv('pv-1', '1Gi')));
    expect(getPvc(c, 'data')!.status?.phase).toBe('Bound');
  });

  test('deleting the claim: Retain leaves the volume Released, Delete removes it', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pv('keep', '1Gi')), strip(pv('drop', '2Gi', { persistentVolumeReclaimPolicy: 'Delete' })));
    create(c, T0 + 2 * S, strip(pvc('a', '1Gi')), strip(pvc('b', '2Gi')));
    expect(getPv(c, 'keep')!.spec.claimRef?.name).toBe('a');
    expect(getPv(c, 'drop')!.spec.claimRef?.name).toBe('b');
    c.at(T0 + 3 * S, () => {
      c.api.delete('persistentvolumeclaims', 'default', 'a');
      c.api.delete('persistentvolumeclaims', 'default', 'b');
    });
    expect(getPvc(c, 'a')).toBeUndefined();
    expect(getPv(c, 'keep')!.status?.phase).toBe('Released');
    expect(getPv(c, 'keep')!.spec.claimRef?.name).toBe('a');
    expect(getPv(c, 'drop')).toBeUndefined();
    // a Released volume is not bound again
    create(c, T0 + 4 * S, strip(pvc('a2', '1Gi')));
    expect(getPvc(c, 'a2')!.status?.phase).toBe('Pending');
  });

  test('a claim in use by a pod stays Terminating until the pod is gone', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pv('v', '1Gi')), strip(pvc('data', '1Gi')));
    create(c, T0 + 2 * S, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db', namespace: 'default' },
      spec: { containers: [{ name: 'db', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    });
    c.step(T0 + 30 * S);
    c.at(T0 + 31 * S, () => c.api.delete('persistentvolumeclaims', 'default', 'data'));
    expect(getPvc(c, 'data')!.metadata.deletionTimestamp).toBeDefined();
    c.at(T0 + 40 * S, () => c.api.delete('pods', 'default', 'db', { gracePeriodSeconds: 0 }));
    c.step(T0 + 41 * S);
    expect(getPvc(c, 'data')).toBeUndefined();
    expect(getPv(c, 'v')!.status?.phase).toBe('Released');
  });

  test('a bound claim whose volume is deleted is Lost', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pv('v', '1Gi')), strip(pvc('data', '1Gi')));
    // force the volume away (its protection finalizer would hold it while Bound)
    c.at(T0 + 2 * S, () => c.store.remove('persistentvolumes', undefined, 'v'));
    expect(getPvc(c, 'data')!.status?.phase).toBe('Lost');
    const lost = (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.reason === 'ClaimLost');
    expect(lost?.message).toBe('Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  });

  test('a claim naming its volume binds to it', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pv('small', '1Gi')), strip(pv('chosen', '5Gi')), strip(pvc('data', '1Gi', { volumeName: 'chosen' })));
    expect(getPv(c, 'chosen')!.spec.claimRef?.name).toBe('data');
    expect(getPvc(c, 'data')!.status?.phase).toBe('Bound');
    expect(getPvc(c, 'data')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
  });

  test('a class no StorageClass object names still matches by name (the website task-pv example)', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    create(c, T0 + S, strip(pvc('task-pv-claim', '3Gi', { storageClassName: 'manual' })));
    const warn = (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.involvedObject.name === 'task-pv-claim');
    expect([warn?.type, warn?.reason, warn?.message]).toEqual(['Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "manual" not found']);
    create(c, T0 + 2 * S, strip(pv('task-pv-volume', '10Gi', { storageClassName: 'manual' }, { type: 'local' })));
    expect(getPvc(c, 'task-pv-claim')!.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } });
  });
});
