# step: emptydir
kubectl apply -f shared-volume.yaml
sleep 20
kubectl get pod shared
kubectl exec shared -c nginx -- cat /usr/share/nginx/html/index.html
# step: emptydir-lost
kubectl delete pod shared
kubectl apply -f shared-volume.yaml
sleep 20
kubectl exec shared -c nginx -- cat /usr/share/nginx/html/index.html
# step: hostpath
kubectl apply -f hostpath.yaml
sleep 15
kubectl get pod hostpath-demo -o wide
# step: pv-pvc
kubectl apply -f pv-pvc.yaml
sleep 40
kubectl get pv,pvc
kubectl get pod db -o wide
kubectl logs db
kubectl exec db -- mariadb -uroot -pchangeme -e 'create database shop'
kubectl exec db -- mariadb -uroot -pchangeme -e 'show databases'
# step: pv-survives
kubectl delete pod db
kubectl get pvc data
kubectl apply -f pv-pvc.yaml
sleep 40
kubectl get pod db -o wide
kubectl logs db
kubectl exec db -- mariadb -uroot -pchangeme -e 'show databases'
