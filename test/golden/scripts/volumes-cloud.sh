# Cloud volume types on a kubeadm cluster: the API accepts them, CSI migration sends them to a
# driver the cluster does not have, and the pod waits in ContainerCreating while the
# attach-detach controller times out every attempt.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: ebs
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - {name: test-volume, mountPath: /data}
  volumes:
  - name: test-volume
    awsElasticBlockStore:
      volumeID: vol-0123456789abcdef0
      fsType: ext4
YAML
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: azure-pv
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  azureDisk:
    diskName: data
    diskURI: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/disks/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: azure-claim
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 5Gi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: azure
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: azure-claim}
YAML
sleep 60
kubectl get pods
sleep 300
kubectl get pods
kubectl describe pod ebs
kubectl get events --field-selector involvedObject.name=azure
kubectl describe pv azure-pv
