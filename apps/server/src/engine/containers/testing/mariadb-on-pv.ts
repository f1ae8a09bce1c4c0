// Test support: the lesson's MariaDB on a hostPath PersistentVolume, written to db.yaml by a
// shell command line (a pod `db`, its claim `data`, the volume `data-pv` at /mnt/data).

/** the command that writes db.yaml; `affinity`: the PV's nodeAffinity lines, or '' */
export const pvPvc = (affinity: string): string => `cat > db.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: data-pv
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  hostPath:
    path: /mnt/data
${affinity}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: manual
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
  containers:
  - name: mariadb
    image: mariadb:11.4
    env:
    - name: MARIADB_ROOT_PASSWORD
      value: changeme
    volumeMounts:
    - name: data
      mountPath: /var/lib/mysql
EOF`;

export const PINNED_TO_NODE1 = `  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: ["node1"]
`;
