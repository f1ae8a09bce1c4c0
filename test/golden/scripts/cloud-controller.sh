# options: --shape cloud
# A cluster on a cloud: the cloud controller manager has initialized the nodes (provider ID,
# labels, addresses, no uninitialized taint), gives LoadBalancer services an address, and the
# default StorageClass provisions volumes. (A node whose instance is gone: golden faults.)
kubectl get nodes -o wide
kubectl get node node1 -o jsonpath='{.spec.providerID}{"\n"}{.metadata.labels}{"\n"}{.spec.taints}{"\n"}'
kubectl get node node1 -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}{"\n"}{end}'
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80 --type=LoadBalancer
kubectl get svc web
sleep 5
kubectl get svc web
kubectl describe svc web
kubectl get storageclass
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 5Gi
YAML
kubectl get pvc
sleep 5
kubectl get pvc
kubectl get pv
kubectl describe pvc data
kubectl delete svc web
kubectl get events --field-selector involvedObject.kind=Service
kubectl delete pvc data
sleep 2
kubectl get pv
