# step: first-pod
kubectl run nginx --image=nginx
kubectl get pods
sleep 15
kubectl get pods -o wide
# step: lamp-pod
kubectl apply -f lamp-pod.yaml
sleep 40
kubectl get pod lamp
kubectl logs lamp -c mariadb
# step: lamp-password
kubectl delete pod lamp
sed -i 's/^    image: mariadb:11.4$/    image: mariadb:11.4\n    env:\n    - name: MARIADB_ROOT_PASSWORD\n      value: cambiame/' lamp-pod.yaml
cat lamp-pod.yaml
kubectl apply -f lamp-pod.yaml
sleep 40
kubectl get pod lamp
# step: inspect
kubectl describe pod lamp
kubectl logs lamp -c nginx
kubectl exec lamp -c nginx -- nginx -v
# step: broken-image
kubectl run broken --image=nginx:1.99-nope
sleep 20
kubectl get pod broken
kubectl describe pod broken
kubectl delete pod nginx
