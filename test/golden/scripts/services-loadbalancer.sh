# A LoadBalancer Service on a kubeadm cluster (no cloud controller): EXTERNAL-IP stays <pending>
# for good, while its ClusterIP and NodePort work. A request from a busybox pod through the
# Service shows up in the answering pod's nginx access log; a Service without endpoints refuses.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl expose deployment web --type=LoadBalancer --port=80
kubectl get svc web
kubectl run client --image=busybox -- sleep 3600
sleep 30
kubectl get svc
kubectl get pods -o wide
kubectl get endpoints web
kubectl describe svc web
sleep 300
kubectl get svc web
kubectl get svc web -o jsonpath='{.status}{"\n"}'
kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- http://web
kubectl logs -l app=web --tail=1 --prefix
kubectl exec client -- wget -qO- http://web.default.svc.cluster.local | grep '<title>'
kubectl logs -l app=web --tail=1 --prefix
NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
echo $NP
curl -s http://192.168.56.11:$NP | grep '<title>'
curl -s http://node2:$NP | grep '<title>'
curl -sI http://192.168.56.12:$NP
kubectl create service clusterip nothing --tcp=80:80
kubectl get endpoints nothing
kubectl exec client -- wget -qO- http://nothing
kubectl get svc nothing -o wide
