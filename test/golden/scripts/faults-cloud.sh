# options: --shape cloud
# A node whose cloud instance is deleted (applied by the harness, `#! fault delete-instance`,
# the instructor's drill): its kubelet stops posting, the node goes NotReady, the cloud
# controller manager finds no instance and deletes the Node; the pods that were on it stay bound
# to it (Ready false) until the pod garbage collector deletes them, 40 to 60 s later, and are then
# replaced on the node that is left.
kubectl create deployment web --image=nginx --replicas=4
sleep 30
kubectl get nodes
kubectl get pods -o wide
#! fault delete-instance node=node2
sleep 30
kubectl get nodes
sleep 30
kubectl get nodes
kubectl get events --field-selector involvedObject.kind=Node
kubectl get pods -o wide
kubectl get deploy web
kubectl describe node node2
sleep 60
kubectl get pods -o wide
kubectl get deploy web
