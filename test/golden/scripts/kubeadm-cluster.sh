# The default kubeadm cluster as a student first sees it: nodes, system pods, namespaces,
# services, workloads, a worker and the control plane described, the DNS pods.
kubectl get nodes -o wide
kubectl get pods -A -o wide
kubectl get ns
kubectl get svc -A
kubectl get ds,deploy -A
kubectl describe node node1
kubectl describe node master
kubectl get pod -n kube-system -l k8s-app=kube-dns
