# `kubectl delete node` on a kubeadm cluster: the Node object goes, not the machine. Its kubelet
# keeps running its pods and only fails its status updates (it registers once per process); the
# pod garbage collector force-deletes the pods bound to the missing node after a 40 s quarantine
# (at its first 20 s pass past it). Restarting the kubelet registers a new Node: the kubelet's
# labels only (no kubeadm cri-socket annotation), NotReady for a second, then Ready; the
# DaemonSets put kube-proxy and flannel back, and flanneld annotates the node again. The node's
# Lease, owned by the Node, goes with it and comes back owned by the new one; the node lifecycle
# controller removes and registers the node, each with its Event.
kubectl get nodes
kubectl delete node node1
kubectl get nodes
kubectl get leases -n kube-node-lease
kubectl get pods -A -o wide --field-selector spec.nodeName=node1
sleep 40
kubectl get pods -A -o wide --field-selector spec.nodeName=node1
sleep 20
kubectl get pods -A -o wide --field-selector spec.nodeName=node1
ssh node1 sudo systemctl restart kubelet
kubectl get nodes
kubectl describe node node1 | sed -n '/^Taints:/,/^Unschedulable:/p;/^  Ready/p'
kubectl get pods -A -o wide --field-selector spec.nodeName=node1
sleep 1
kubectl get nodes
sleep 10
kubectl get pods -A -o wide --field-selector spec.nodeName=node1
kubectl describe node node1 | sed -n '1,/^Unschedulable:/p'
ssh node1 systemctl is-active kubelet
kubectl get leases -n kube-node-lease
kubectl get lease node1 -n kube-node-lease -o jsonpath='{.metadata.ownerReferences[0].name} {.metadata.ownerReferences[0].uid}{"\n"}'
kubectl get node node1 -o jsonpath='{.metadata.uid}{"\n"}'
kubectl get events --field-selector involvedObject.kind=Node
