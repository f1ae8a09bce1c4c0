# A pod as the API server stores it: what `kubectl run` sent, then the server's defaults (restart
# and DNS policy, pull policy from the tag, grace period, scheduler, the not-ready and unreachable
# tolerations of 300 s), the ServiceAccount admission (the kube-api-access projected volume and
# its mount), the scheduler's node and the kubelet's status.
kubectl run web --image=nginx:1.27 --dry-run=client -o yaml
kubectl run web --image=nginx:1.27
sleep 10
kubectl get pod web -o yaml
