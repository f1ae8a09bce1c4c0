# Cluster DNS from a pod: service names, namespaces, headless services (pod addresses),
# ExternalName (a CNAME the offline sandbox cannot follow), and names that do not exist.
kubectl create namespace shop
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80
kubectl create deployment api -n shop --image=nginx
kubectl expose deployment api -n shop --port=8080 --target-port=80
kubectl create service clusterip db --clusterip=None --tcp=5432:5432
kubectl patch svc db -p '{"spec":{"selector":{"app":"web"}}}'
kubectl create service externalname ext --external-name=example.com
kubectl run dns --image=busybox -- sleep 3600
sleep 30
kubectl get svc -A
kubectl get pods -o wide
kubectl exec dns -- cat /etc/resolv.conf
kubectl exec dns -- nslookup web
kubectl exec dns -- nslookup api.shop
kubectl exec dns -- nslookup api.shop.svc.cluster.local
kubectl exec dns -- nslookup db
kubectl exec dns -- nslookup ext
kubectl exec dns -- nslookup nothere
kubectl exec dns -- wget -qO- http://api.shop:8080 | head -4
kubectl exec dns -- wget -qO- http://api:8080
kubectl exec dns -- wget -qO- http://ext
kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600
sleep 30
kubectl exec dnsutils -- dig +short web.default.svc.cluster.local
kubectl exec dnsutils -- dig +short db.default.svc.cluster.local
nslookup web
