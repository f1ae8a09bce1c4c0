import { Kit, newKit } from '../kubectl/verbs/verb-test-kit';
import { killContainer } from '../operations/faults';
import { PINNED_TO_NODE1, pvPvc } from './testing/mariadb-on-pv';

/** the container's main process is killed (SIGKILL): the kubelet restarts it */
function kill(kit: Kit, pod: string): void {
  const c = kit.sandbox.cluster;
  c.at(c.now, () => killContainer(c, 'default', pod));
}

// A hostPath PersistentVolume's files are on the node that ran its pod; a database image
// initializes an empty data directory and finds a database in a full one.

const MARIADB_FILES = 'aria_log.00000001\naria_log_control\nddl_recovery.log\nib_buffer_pool\nib_logfile0\nibdata1\nibtmp1\nmariadb_upgrade_info\nmulti-master.info\nmysql\nperformance_schema\nsys\nundo001\nundo002\nundo003\n';

describe('a database on a hostPath PersistentVolume', () => {
  it('initializes the volume on its node at the first start, and finds the database there at the next', async () => {
    const kit = newKit();
    await kit.setup(pvPvc(PINNED_TO_NODE1), 'kubectl apply -f db.yaml', 'sleep 40');
    expect((await kit.sh('kubectl get pod db -o jsonpath={.spec.nodeName}')).stdout).toBe('node1');
    const first = (await kit.sh('kubectl logs db')).stdout;
    expect(first).toContain('[Note] [Entrypoint]: Initializing database files\n');
    expect(first).toMatch(/\n2026-01-01 00:00:\d\d 0 \[Note\] mariadbd: ready for connections\.\n/);
    expect((await kit.sh('kubectl exec db -- ls /var/lib/mysql')).stdout).toBe(MARIADB_FILES);
    // the files are the node's: on node1, owned by the image's user number, and not on node2
    expect((await kit.sh('ssh node1 ls /mnt/data')).stdout).toBe(MARIADB_FILES);
    expect((await kit.sh('ssh node1 ls -ld /mnt/data/ibdata1')).stdout).toBe('-rw-rw---- 1 999 999 12582912 Jan  1 00:00 /mnt/data/ibdata1\n');
    expect(await kit.sh('ssh node2 ls /mnt/data')).toEqual({ stdout: '', stderr: "ls: cannot access '/mnt/data': No such file or directory\n", exitCode: 2 });

    await kit.setup('kubectl delete pod db', 'kubectl apply -f db.yaml', 'sleep 40');
    const second = (await kit.sh('kubectl logs db')).stdout;
    expect(second.split('\n').map((l) => l.replace(/^[\d-]+ [\d:]+(\+00:00)? /, ''))).toEqual([
      '[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.4.3+maria~ubu2404 started.',
      "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.4.3+maria~ubu2404 started.',
      '[Note] [Entrypoint]: MariaDB upgrade not required',
      '0 [Note] Starting MariaDB 11.4.3-MariaDB-ubu2404 source revision as process 1',
      '0 [Note] mariadbd: ready for connections.',
      "Version: '11.4.3-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution",
      '',
    ]);
    expect((await kit.sh('kubectl exec db -- ls /var/lib/mysql')).stdout).toBe(MARIADB_FILES);
  });

  it('a database found needs no password; one to initialize does', async () => {
    const kit = newKit();
    await kit.setup(pvPvc(PINNED_TO_NODE1), 'kubectl apply -f db.yaml', 'sleep 40', 'kubectl delete pod db');
    // the same pod without its password: the entrypoint asks for one only to initialize
    await kit.setup("sed -i '/env:/,/value: changeme/d' db.yaml", 'kubectl apply -f db.yaml', 'sleep 40');
    expect((await kit.sh('kubectl get pod db -o jsonpath={.status.phase}')).stdout).toBe('Running');
    // on an empty directory it refuses
    await kit.setup('kubectl delete pod db', 'ssh node1 sudo rm -rf /mnt/data', 'kubectl apply -f db.yaml', 'sleep 40');
    expect((await kit.sh('kubectl get pod db -o jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}')).stdout).toBe('1');
    expect((await kit.sh('kubectl logs db')).stdout).toContain('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n');
  });

  it('without a volume, the data lives in the container and a restart starts from nothing', async () => {
    const kit = newKit();
    await kit.setup('kubectl run pg --image=postgres:17 --env=POSTGRES_PASSWORD=x', 'sleep 40');
    expect((await kit.sh('kubectl exec pg -- cat /var/lib/postgresql/data/PG_VERSION')).stdout).toBe('17\n');
    expect((await kit.sh('kubectl logs pg')).stdout).toContain('PostgreSQL init process complete; ready for start up.\n');
    kill(kit, 'pg');
    await kit.setup('sleep 40');
    expect((await kit.sh('kubectl get pod pg -o jsonpath={.status.containerStatuses[0].restartCount}')).stdout).toBe('1');
    expect((await kit.sh('kubectl logs pg')).stdout).toContain('PostgreSQL init process complete; ready for start up.\n');
  });

  it('an emptyDir keeps the database across a container restart, not across the pod', async () => {
    const kit = newKit();
    await kit.setup(
      `cat > pg.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: pg
spec:
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: postgres
    image: postgres:17
    env:
    - name: POSTGRES_PASSWORD
      value: x
    volumeMounts:
    - name: data
      mountPath: /var/lib/postgresql/data
EOF`,
      'kubectl apply -f pg.yaml',
      'sleep 40',
    );
    kill(kit, 'pg');
    await kit.setup('sleep 40');
    expect((await kit.sh('kubectl logs pg')).stdout).toMatch(/^\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n.* LOG: {2}starting PostgreSQL/);
    expect((await kit.sh('kubectl logs pg --previous')).stdout).toContain('PostgreSQL init process complete; ready for start up.\n');
  });
});

describe('a local PersistentVolume', () => {
  it('whose path the node lacks cannot be mounted: FailedMount, as the local plugin says it', async () => {
    const kit = newKit();
    await kit.setup(
      `cat > local.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-pv
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: local
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: ["node2"]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: fast
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: local
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  volumes:
  - name: fast
    persistentVolumeClaim:
      claimName: fast
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo hello > /data/hello; sleep 3600"]
    volumeMounts:
    - name: fast
      mountPath: /data
EOF`,
      'kubectl apply -f local.yaml',
      'sleep 20',
    );
    expect((await kit.sh('kubectl get pod app -o jsonpath={.spec.nodeName}/{.status.phase}')).stdout).toBe('node2/Pending');
    const events = (await kit.sh("kubectl get events --field-selector reason=FailedMount -o jsonpath='{.items[0].message}'")).stdout;
    expect(events).toBe('MountVolume.NewMounter initialization failed for volume "local-pv" : path "/mnt/disks/ssd1" does not exist');
    // the administrator makes the directory on the node: the next retry mounts it
    await kit.setup('ssh node2 sudo mkdir -p /mnt/disks/ssd1', 'sleep 150');
    expect((await kit.sh('kubectl get pod app -o jsonpath={.status.phase}')).stdout).toBe('Running');
    expect((await kit.sh('ssh node2 cat /mnt/disks/ssd1/hello')).stdout).toBe('hello\n');
  });
});
