# step: clusterip
kubectl get pods -l app=web -o wide
kubectl expose rs web --port=80
kubectl get svc web
kubectl get endpoints web
# step: dns
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 15
kubectl exec client -- nslookup web
kubectl exec client -- wget -qO- web
# step: spreading
IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
for i in 1 2 3 4 5 6; do curl -s http://$IP/ | grep Hostname; done
kubectl get configmap kube-proxy -n kube-system -o yaml | grep mode
# step: nodeport
kubectl expose rs web --name=web-nodeport --type=NodePort --port=80
kubectl get svc web-nodeport
PORT=$(kubectl get svc web-nodeport -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://192.168.56.11:$PORT/
# step: loadbalancer
kubectl expose rs web --name=web-lb --type=LoadBalancer --port=80
sleep 10
kubectl get svc web-lb
# step: externalname
kubectl create service externalname database --external-name=db.example.com
kubectl exec client -- nslookup database
