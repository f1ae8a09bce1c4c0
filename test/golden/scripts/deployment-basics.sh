# A Deployment from the command line and from YAML; scaling; the objects it owns.
kubectl create deployment web --image=nginx:1.27 --replicas=3
sleep 1
kubectl get deploy,rs,pods
sleep 60
kubectl get all
cat > web.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 2
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
        ports:
        - containerPort: 80
YAML
kubectl apply -f web.yaml
kubectl apply -f web.yaml
sleep 30
kubectl get deploy api -o wide
kubectl get pods -l app=api --show-labels
kubectl delete deployment web
sleep 40
kubectl get pods
