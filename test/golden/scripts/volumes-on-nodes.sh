# A hostPath PersistentVolume is a directory of one node: the PV's nodeAffinity keeps the pods
# that use it on that node, and a database on it initializes once and is found again by the next
# pod. The scheduler's words when a pod cannot go where its volume is; a local PV whose
# directory the node lacks.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: data-pv
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath: {path: /mnt/data}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node1]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources: {requests: {storage: 500Mi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: data}}
  containers:
  - name: mariadb
    image: mariadb:11.4
    env:
    - {name: MARIADB_ROOT_PASSWORD, value: changeme}
    volumeMounts:
    - {name: data, mountPath: /var/lib/mysql}
YAML
sleep 40
kubectl get pv,pvc
kubectl get pod db -o wide
kubectl logs db
ssh node1 ls -l /mnt/data
ssh node2 ls /mnt/data
kubectl exec db -- mariadb -uroot -pchangeme -e 'create database shop; show databases'
kubectl delete pod db
kubectl get pod db -o yaml 2>/dev/null | grep nodeName
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: data}}
  containers:
  - name: mariadb
    image: mariadb:11.4
    volumeMounts:
    - {name: data, mountPath: /var/lib/mysql}
YAML
sleep 40
kubectl get pod db -o wide
kubectl logs db
kubectl exec -it db -- mariadb -uroot -pchangeme -e 'show databases'
ssh node1 ls -ld /mnt/data/shop
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: elsewhere
spec:
  nodeSelector: {kubernetes.io/hostname: node2}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: data}}
  containers:
  - {name: app, image: busybox, command: [sleep, "3600"]}
YAML
sleep 5
kubectl get pod elsewhere
kubectl describe pod elsewhere | tail -3
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-pv
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local
  local: {path: /mnt/disks/ssd1}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node2]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: fast
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: local
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  volumes:
  - {name: fast, persistentVolumeClaim: {claimName: fast}}
  containers:
  - name: app
    image: busybox
    command: [sh, -c, "date > /data/started; sleep 3600"]
    volumeMounts:
    - {name: fast, mountPath: /data}
YAML
sleep 20
kubectl get pod app -o wide
kubectl describe pod app | tail -4
ssh node2 sudo mkdir -p /mnt/disks/ssd1
sleep 60
kubectl get pod app -o wide
ssh node2 cat /mnt/disks/ssd1/started
