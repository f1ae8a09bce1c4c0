# step: convert
cat docker-compose.yaml
mkdir -p k8s
kompose convert -o k8s
ls k8s
# step: create
cat k8s/nginx-deployment.yaml
kubectl create -f k8s/
sleep 40
kubectl get deploy,svc,pods
# step: up
kubectl delete -f k8s/
sleep 30
kompose up
sleep 40
kubectl get deploy,pods
