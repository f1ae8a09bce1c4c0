# Volumes seen through kubectl exec: an emptyDir shared by two containers and lost with the pod,
# a hostPath that stays on the node, and files written into a container's own layer.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  nodeName: node1
  volumes:
  - name: html
    emptyDir: {}
  - name: host
    hostPath:
      path: /srv/data
      type: DirectoryOrCreate
  containers:
  - name: writer
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: html, mountPath: /out}
    - {name: host, mountPath: /host}
  - name: web
    image: nginx
    volumeMounts:
    - {name: html, mountPath: /usr/share/nginx/html}
YAML
sleep 20
kubectl exec shared -c writer -- sh -c 'echo "<h1>hola</h1>" > /out/index.html; date > /host/stamp; ls /out /host'
kubectl exec shared -c web -- cat /usr/share/nginx/html/index.html
kubectl exec shared -c web -- curl -s localhost
kubectl exec shared -- ls /out
ssh node1 cat /srv/data/stamp
kubectl logs shared -c web --tail=1
kubectl delete pod shared --grace-period=0 --force
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  nodeName: node1
  volumes:
  - name: html
    emptyDir: {}
  - name: host
    hostPath:
      path: /srv/data
  containers:
  - name: writer
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: html, mountPath: /out}
    - {name: host, mountPath: /host}
YAML
sleep 20
kubectl exec shared -- ls /out
kubectl exec shared -- cat /host/stamp
kubectl run web --image=nginx
sleep 10
kubectl exec web -- sh -c 'echo changed > /usr/share/nginx/html/index.html'
kubectl exec web -- curl -s localhost
kubectl exec web -- bash -c 'ps'
kubectl exec web -- nginx -v
