# step: nodes
kubectl get nodes
kubectl get nodes -o wide
# step: system-pods
kubectl get pods -n kube-system
kubectl get pods -n kube-system -o wide
# step: describe-node
kubectl describe node node1
# step: cloud-node
kubectl get nodes -L topology.kubernetes.io/zone
kubectl describe node node2
