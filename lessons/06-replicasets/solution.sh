# step: create
kubectl apply -f replicaset.yaml
sleep 20
kubectl get rs,pods -o wide
# step: scale
kubectl scale rs frontend --replicas=5
sleep 20
kubectl get pods -l tier=frontend -o wide
# step: self-heal
kubectl delete pod $(kubectl get pods -l tier=frontend -o jsonpath='{.items[0].metadata.name}')
sleep 20
kubectl get pods -l tier=frontend
# step: node-failure
ssh node1 sudo systemctl stop kubelet
sleep 60
kubectl get nodes
sleep 300
sleep 60
kubectl get pods -o wide
# step: recover
kubectl get pods -l tier=frontend -o jsonpath='{.items[0].spec.tolerations}'
ssh node1 sudo systemctl start kubelet
sleep 30
kubectl get nodes
