# The course's classic: a BusyBox sidecar appends the date to index.html every second in an
# emptyDir that nginx serves; and the documentation's counter with its `tail -f` logging sidecar.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - {name: html, mountPath: /usr/share/nginx/html}
  - name: writer
    image: busybox
    command: ["/bin/sh", "-c"]
    args:
    - while true; do date >> /html/index.html; sleep 1; done
    volumeMounts:
    - {name: html, mountPath: /html}
YAML
sleep 10
kubectl exec web -c nginx -- cat /usr/share/nginx/html/index.html
sleep 5
kubectl exec web -c writer -- tail -n 2 /html/index.html
kubectl exec web -c nginx -- curl -s localhost | tail -n 2
sleep 3600
kubectl exec web -c nginx -- ls -l /usr/share/nginx/html
kubectl exec web -c nginx -- tail -n 1 /usr/share/nginx/html/index.html
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - >
      i=0;
      while true;
      do
        echo "$i: $(date)" >> /var/log/1.log;
        echo "$(date) INFO $i" >> /var/log/2.log;
        i=$((i+1));
        sleep 1;
      done
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  - name: count-log-1
    image: busybox:1.28
    args: [/bin/sh, -c, 'tail -n+1 -f /var/log/1.log']
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  - name: count-log-2
    image: busybox:1.28
    args: [/bin/sh, -c, 'tail -n+1 -f /var/log/2.log']
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  volumes:
  - name: varlog
    emptyDir: {}
YAML
sleep 30
kubectl get pod counter
kubectl logs counter count-log-1 --tail=3
kubectl logs counter count-log-2 --tail=3
kubectl logs counter count
