# A container that keeps failing: CrashLoopBackOff, its restarts ever further apart, and the
# kubelet saying BackOff at every sync of the pod (every 10-15 s) while it waits.
kubectl run cl --image=busybox -- sh -c 'echo "start $(date)"; sleep 2; echo bye; exit 1'
sleep 60
kubectl get pod cl
kubectl describe pod cl | tail -9
kubectl logs cl --previous
sleep 240
kubectl get pod cl
kubectl describe pod cl | tail -9
kubectl get events --field-selector reason=BackOff
