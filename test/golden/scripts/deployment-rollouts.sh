# Rolling updates of a Deployment: rollout status as the rollout advances, revisions and their
# change-cause, a revision's template, undo to a revision (and one that changes nothing), pause
# and resume, restart, describe's ScalingReplicaSet events; a Recreate rollout (all old pods go
# first); a bad image that ends in ProgressDeadlineExceeded while the old pods keep serving.
kubectl create deployment web --image=nginx:1.26 --replicas=4
sleep 30
kubectl get deploy,rs
kubectl rollout undo deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout history deployment/web
kubectl describe deployment web
kubectl annotate deployment web kubernetes.io/change-cause="image nginx:1.27"
kubectl set image deployment/web nginx=nginx:1.28
kubectl annotate deployment web kubernetes.io/change-cause="image nginx:1.28"
kubectl get deploy web -w --request-timeout=20s
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout history deployment/web --revision=7
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get rs -o wide
kubectl rollout undo deployment/web --to-revision=4
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.29
kubectl set env deployment/web MODE=blue
sleep 10
kubectl get rs
kubectl rollout status deployment/web --watch=false
kubectl describe deployment web | sed -n '/^Pod Template:/,/^NewReplicaSet:/p'
kubectl rollout undo deployment/web
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl rollout history deployment/web
sleep 30
kubectl rollout restart deployment/web
kubectl rollout status deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}{"\n"}'
kubectl get rs
cat <<EOF > api.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: httpd
        image: httpd:2.4
EOF
kubectl apply -f api.yaml
sleep 30
kubectl set image deployment/api httpd=httpd:2.4.62
kubectl get pods -l app=api
sleep 2
kubectl get pods -l app=api
kubectl rollout status deployment/api
kubectl describe deployment api | grep -A1 -e StrategyType -e RollingUpdate
kubectl describe deployment api | sed -n '/^Events:/,$p'
kubectl create deployment shop --image=nginx:1.27 --replicas=3
kubectl patch deployment shop -p '{"spec":{"progressDeadlineSeconds":60}}'
kubectl expose deployment shop --port=80
sleep 30
kubectl set image deployment/shop nginx=nginx:9.99
sleep 20
kubectl get pods -l app=shop
kubectl rollout status deployment/shop
kubectl get deploy shop
kubectl get pods -l app=shop
kubectl describe deployment shop
kubectl get deploy shop -o jsonpath='{range .status.conditions[*]}{.type}{": "}{.reason}{" - "}{.message}{"\n"}{end}'
curl -s http://$(kubectl get svc shop -o jsonpath='{.spec.clusterIP}') | grep '<title>'
kubectl rollout undo deployment/shop
kubectl rollout status deployment/shop
kubectl get pods -l app=shop
