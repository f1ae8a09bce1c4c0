# A ReplicaSet from a manifest: it adopts a running pod that matches its selector, replaces a
# deleted pod at once (the old one is still Terminating), scales with and without a
# --current-replicas precondition, picks which pods go when scaled down, deletes a surplus pod
# that matches, and releases a pod relabelled out of its selector (which then outlives it).
kubectl run lone --image=nginx:1.27 --labels=tier=frontend
sleep 10
cat <<EOF > rs.yaml
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
EOF
kubectl apply -f rs.yaml
kubectl get rs
kubectl get pods
sleep 30
kubectl get rs -o wide
kubectl get pods -o wide
kubectl get pods -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name
kubectl delete pod lone --wait=false
kubectl get pods
sleep 30
kubectl get pods
kubectl scale rs frontend --current-replicas=2 --replicas=5
kubectl scale rs frontend --current-replicas=3 --replicas=5
sleep 20
kubectl get pods -o wide
kubectl scale rs/frontend --replicas=2
kubectl get pods -o wide
sleep 30
kubectl get rs frontend
kubectl run stray --image=nginx:1.27 --labels=tier=frontend
kubectl get pods
P=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')
kubectl label pod $P tier=debug
kubectl label pod $P tier=debug --overwrite
kubectl get pods --show-labels
kubectl get pods -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name
sleep 20
kubectl describe rs frontend
kubectl delete rs frontend
sleep 30
kubectl get rs,pods
