# `kubectl get componentstatuses`: computed on each read, read-only, deprecated (checked against
# kubectl v1.32's handling of the API server's answers).
kubectl get componentstatuses
kubectl get cs scheduler -o yaml
kubectl get cs etcd-0 controller-manager -o name
kubectl get cs nope
echo "exit $?"
kubectl describe cs sched
kubectl describe cs etcd-0
kubectl get cs -l tier=control-plane
kubectl delete cs scheduler
kubectl label cs scheduler tier=control-plane
cat > cs.yaml <<'YAML'
apiVersion: v1
kind: ComponentStatus
metadata:
  name: mine
conditions:
- type: Healthy
  status: "True"
YAML
kubectl create -f cs.yaml
kubectl apply -f cs.yaml
kubectl delete -f cs.yaml
kubectl get cs -w
echo "exit $?"
kubectl api-resources | head -2
