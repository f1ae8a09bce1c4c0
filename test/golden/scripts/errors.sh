# What a student sees when things go wrong.
kubectl get
kubectl get pod nope
kubectl get foo
kubectl gett pods
kubectl get pods --foo
kubectl run x
kubectl delete pods
kubectl create deployment web
kubectl run Bad_Name --image=nginx
cat > bad.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containerz:
  - name: c
    image: nginx
YAML
kubectl apply -f bad.yaml
kubectl apply -f missing.yaml
kubectl delete namespace default
foo
kubectl describe
kubectl create namespace
kubectl create deployment a b --image=nginx
kubectl create service clusterip web --tcp=abc
kubectl create service clusterip web --tcp=80:0
kubectl exec web
kubectl run x --image=nginx --restart=Bad
kubectl exec
kubectl rollout bogus
kubectl create bogus other
kubectl create configmap c --from-literal=a=b --from-literal=a=c
kubectl create secret generic c --from-literal=a=b --from-literal=a=c
kubectl run x --image=nginx --labels=a=b=c
kubectl run x --image=nginx --labels==b
kubectl set image nginx=nginx:1
kubectl taint
kubectl logs a --since=5x
kubectl logs a --since=5
