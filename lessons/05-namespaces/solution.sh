# step: list
kubectl get namespaces
# step: environments
kubectl create namespace dev
kubectl create namespace prod
kubectl get ns
# step: same-name
kubectl run web --image=nginx -n dev
kubectl run web --image=nginx --namespace=prod
sleep 15
kubectl get pods
kubectl get pods -A
# step: context-namespace
kubectl config set-context --current --namespace=dev
kubectl config view --minify
kubectl get pods
# step: cleanup
kubectl delete namespace prod
sleep 30
kubectl get ns
kubectl config set-context --current --namespace=default
