import { Sandbox, VirtualClock } from '../sandbox';
import { StoredCluster } from '../cluster-state';
import { newKit, T0 } from '../kubectl/verbs/verb-test-kit';

// A hostPath PersistentVolume's files are the node's; one a stored cluster (engine 0.11.0) kept
// apart from the nodes keeps them there.

const PV_AND_POD = `cat > pv.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: web-pv
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  hostPath:
    path: /srv/web
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
  - name: html
    persistentVolumeClaim:
      claimName: web
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
      subPath: site
EOF`;

describe('a hostPath PersistentVolume', () => {
  it("is the directory of the pod's node: a file written in the pod is there (the mount's subPath in it), not on the other node", async () => {
    const kit = newKit();
    await kit.setup(PV_AND_POD, 'kubectl apply -f pv.yaml', 'sleep 20', "kubectl exec web -- sh -c 'echo hi > /usr/share/nginx/html/index.html'");
    const node = (await kit.sh('kubectl get pod web -o jsonpath={.spec.nodeName}')).stdout;
    const other = node === 'node1' ? 'node2' : 'node1';
    expect((await kit.sh(`ssh ${node} cat /srv/web/site/index.html`)).stdout).toBe('hi\n');
    expect((await kit.sh(`ssh ${other} ls /srv/web`)).exitCode).toBe(2);
    // written on the node, seen in the pod
    await kit.setup(`ssh ${node} "sudo sh -c 'echo bye > /srv/web/site/index.html'"`);
    expect((await kit.sh('kubectl exec web -- cat /usr/share/nginx/html/index.html')).stdout).toBe('bye\n');
  });

  it('keeps the files a 0.11.0 cluster stored apart from the nodes where they were, and takes new ones there', async () => {
    const kit = newKit();
    await kit.setup(PV_AND_POD, 'kubectl apply -f pv.yaml', 'sleep 20');
    // the state as 0.11.0 left it: the volume's files under `pv/<name>`
    const loaded = Sandbox.load(kit.sandbox.serialize() as StoredCluster, new VirtualClock(kit.sandbox.cluster.now));
    const section = (loaded.cluster.runtime.sections.volumes ??= { data: {}, layers: {} }) as { data: Record<string, unknown> };
    section.data['pv/web-pv'] = { site: { type: 'dir', mode: 0o755, owner: 'root', mtime: T0 }, 'site/index.html': { type: 'file', content: 'old\n', mode: 0o644, owner: 'root', mtime: T0 } };
    let session = loaded.newSession();
    const sh = async (line: string): Promise<string> => {
      const r = await loaded.run(session, line, undefined, { isTTY: false });
      session = r.session;
      return r.result.stdout;
    };
    expect(await sh('kubectl exec web -- cat /usr/share/nginx/html/index.html')).toBe('old\n');
    await sh("kubectl exec web -- sh -c 'echo new > /usr/share/nginx/html/index.html'");
    expect(await sh('kubectl exec web -- cat /usr/share/nginx/html/index.html')).toBe('new\n');
    expect(await sh('ssh node1 ls /srv/web; ssh node2 ls /srv/web')).toBe('');
  });
});
