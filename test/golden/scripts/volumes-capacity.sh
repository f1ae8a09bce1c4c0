# Volumes of limited capacity: a memory-backed emptyDir is a tmpfs of its sizeLimit, so BusyBox
# and Debian programs run out of space in it; an emptyDir on the node's disk passes its sizeLimit
# and the kubelet evicts its pod.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: full
spec:
  volumes:
  - name: data
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
  containers:
  - name: box
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: data, mountPath: /data}
  - name: web
    image: nginx
    volumeMounts:
    - {name: data, mountPath: /data}
YAML
sleep 20
kubectl exec full -c box -- dd if=/dev/zero of=/data/big bs=1M count=100
kubectl exec full -c box -- sh -c 'echo hola > /data/note'
kubectl exec full -c web -- dd if=/dev/zero of=/data/more bs=1M count=1
kubectl exec full -c web -- sh -c 'echo hola > /data/note'
kubectl exec full -c web -- ls -l /data
kubectl exec full -c web -- rm /data/big
kubectl exec full -c box -- sh -c 'echo hola > /data/note; cat /data/note'
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  volumes:
  - name: scratch
    emptyDir:
      sizeLimit: 50Mi
  containers:
  - name: box
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: scratch, mountPath: /scratch}
YAML
sleep 20
kubectl exec cache -- dd if=/dev/zero of=/scratch/f bs=1M count=80
kubectl get pod cache
sleep 10
kubectl get pod cache
kubectl describe pod cache
