# hostPath volumes and their type: the kubelet checks the path on the pod's node before the
# sandbox. A Directory that is missing keeps the pod in ContainerCreating, the mount retried with
# back-off (FailedMount counted on one Event) until the directory appears; DirectoryOrCreate makes
# it. The files stay on that node: a pod on another node does not see them.
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: strict
spec:
  nodeSelector:
    kubernetes.io/hostname: node1
  volumes:
  - name: data
    hostPath:
      path: /data/foo
      type: Directory
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: data, mountPath: /data}
YAML
sleep 90
kubectl get pod strict
kubectl describe pod strict
ssh node1 sudo mkdir -p /data/foo
sleep 40
kubectl get pod strict
kubectl get events --field-selector involvedObject.name=strict
cat <<'YAML' > cache.yaml
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  nodeSelector:
    kubernetes.io/hostname: node1
  volumes:
  - name: cache
    hostPath:
      path: /srv/cache
      type: DirectoryOrCreate
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: cache, mountPath: /cache}
YAML
kubectl apply -f cache.yaml
sleep 20
kubectl get pod cache -o wide
ssh node1 ls -ld /srv/cache
kubectl exec cache -- sh -c 'echo hola > /cache/greeting'
ssh node1 cat /srv/cache/greeting
kubectl delete pod cache
sed -i 's/hostname: node1/hostname: node2/' cache.yaml
kubectl apply -f cache.yaml
sleep 20
kubectl get pod cache -o wide
kubectl exec cache -- ls /cache
kubectl exec cache -- cat /cache/greeting
kubectl delete pod cache
sed -i 's/hostname: node2/hostname: node1/' cache.yaml
kubectl apply -f cache.yaml
sleep 20
kubectl exec cache -- cat /cache/greeting
