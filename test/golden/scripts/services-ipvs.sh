# options: --proxy-mode ipvs
# The same Service in IPVS mode: kube-proxy rotates strictly over the ready endpoints (round
# robin), so six requests visit each of three pods twice, in order.
kubectl create deployment web --image=traefik/whoami --replicas=3
kubectl expose deployment web --port=80 --type=NodePort
kubectl create service clusterip empty --tcp=80:80
kubectl run client --image=busybox -- sleep 3600
sleep 30
kubectl get pods -o wide
kubectl get svc
kubectl get endpoints web
for i in 1 2 3 4 5 6; do kubectl exec client -- wget -qO- http://web | head -1; done
kubectl exec client -- wget -qO- http://web.default.svc.cluster.local | head -1
CIP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
curl -s http://$CIP | head -1
NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://node1:$NP | head -1
ssh node2 curl -s http://192.168.56.12:$NP | head -1
curl http://web
EIP=$(kubectl get svc empty -o jsonpath='{.spec.clusterIP}')
curl $EIP
kubectl exec client -- wget -qO- http://empty
kubectl scale deployment web --replicas=0
sleep 10
kubectl get endpoints web
kubectl exec client -- wget -qO- http://web
