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

  it("the docs' tutorial: the page written on one node is served by a pod on that node; on the other, nginx finds an empty root and answers 403", async () => {
    const kit = newKit();
    const pod = (name: string, node: string) => `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  volumes:
  - name: task-pv-storage
    persistentVolumeClaim:
      claimName: task-pv-claim
  containers:
  - name: task-pv-container
    image: nginx
    volumeMounts:
    - mountPath: /usr/share/nginx/html
      name: task-pv-storage
EOF`;
    await kit.setup(
      'ssh node1 sudo mkdir /mnt/data',
      `ssh node1 "sudo sh -c \\"echo 'Hello from Kubernetes storage' > /mnt/data/index.html\\""`,
      'kubectl create -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: task-pv-volume\nspec:\n  storageClassName: manual\n  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /mnt/data\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: task-pv-claim\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 3Gi\nEOF',
      pod('on-node2', 'node2'),
      pod('on-node1', 'node1'),
      'sleep 20',
    );
    expect((await kit.sh('kubectl exec on-node1 -- curl -s http://localhost/')).stdout).toBe('Hello from Kubernetes storage\n');
    const forbidden = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';
    expect((await kit.sh('kubectl exec on-node2 -- curl -s http://localhost/')).stdout).toBe(forbidden);
    expect((await kit.sh('kubectl logs on-node2 --tail=2')).stdout).toBe(
      '2026/01/01 00:00:20 [error] 29#29: *1 directory index of "/usr/share/nginx/html/" is forbidden, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "localhost"\n' +
        '127.0.0.1 - - [01/Jan/2026:00:00:20 +0000] "GET / HTTP/1.1" 403 153 "-" "curl/7.88.1" "-"\n',
    );
    // a client container fetching the page reads it from the node too
    await kit.setup('kubectl run get --image=busybox --restart=Never -- wget -qO- http://$(kubectl get pod on-node1 -o jsonpath={.status.podIP})', 'sleep 10');
    expect((await kit.sh('kubectl logs get')).stdout).toBe('Hello from Kubernetes storage\n');
    // the mount's directory is the node's, with its time; the image's own dated from its build
    expect((await kit.sh('kubectl exec on-node2 -- ls -la /usr/share/nginx/html')).stdout).toBe('total 8\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 .\ndrwxr-xr-x 3 root root 4096 Nov  2 00:00 ..\n');
  });
});
