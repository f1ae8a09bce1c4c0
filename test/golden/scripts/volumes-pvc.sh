# A PersistentVolumeClaim's data outlives the pod that wrote it: a new pod on the same claim reads it.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /mnt/pv1}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: d, mountPath: /data}]}]
YAML
sleep 20
kubectl get pv,pvc
kubectl exec db -- sh -c 'echo persist > /data/f'
kubectl delete pod db --force --grace-period=0
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: db2}
spec:
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: d, mountPath: /data}]}]
YAML
sleep 20
kubectl exec db2 -- cat /data/f
