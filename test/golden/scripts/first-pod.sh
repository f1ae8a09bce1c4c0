# A student's first minutes: the nodes, a pod, its life and its deletion.
kubectl get nodes
kubectl get nodes -o wide
kubectl run nginx --image=nginx
kubectl get pods
sleep 2
kubectl get pods
sleep 30
kubectl get pods -o wide
kubectl describe pod nginx
kubectl get pod nginx -o jsonpath='{.status.phase}{"\n"}'
kubectl delete pod nginx
kubectl get pods
