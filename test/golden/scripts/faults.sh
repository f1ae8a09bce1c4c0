# Faults a student cannot cause from the shell, applied between commands by the harness (lines
# `#! fault ...`: the instructor's drills), and what a student then sees: a container killed and
# restarted by the kubelet; an image its registry no longer serves (ErrImagePull, then the pull
# that works once it is back); slow pulls on a node; volumes filled to their capacity (No space
# left on device; an emptyDir past its sizeLimit gets its pod evicted); a node whose kubelet
# stops (NotReady after the grace period, its pods evicted 300 s later, back when it starts).
kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl expose deployment web --port=80
sleep 30
kubectl get pods -o wide
P=$(kubectl get pods -l app=web --field-selector spec.nodeName=node1 -o jsonpath='{.items[0].metadata.name}')
echo $P
#! fault kill-container pod=$P
sleep 5
kubectl get pods
kubectl describe pod $P | sed -n '/^    State:/,/^    Restart Count:/p'
kubectl describe pod $P | sed -n '/^Events:/,$p'
#! fault image-unavailable image=redis
kubectl run cache --image=redis:7.2
sleep 20
kubectl get pod cache
kubectl describe pod cache | sed -n '/^    State:/,/^    Ready:/p'
kubectl describe pod cache | sed -n '/^Events:/,$p'
#! fault-end image-unavailable image=redis
sleep 60
kubectl get pod cache
kubectl describe pod cache | sed -n '/^Events:/,$p'
#! fault slow-pulls node=node2 delaySeconds=90
kubectl run slow --image=httpd:2.4 --overrides='{"spec":{"nodeSelector":{"kubernetes.io/hostname":"node2"}}}'
sleep 30
kubectl get pod slow -o wide
sleep 90
kubectl get pod slow -o wide
kubectl describe pod slow | sed -n '/^Events:/,$p'
#! fault-end slow-pulls node=node2 delaySeconds=90
cat <<EOF > writer.yaml
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: cache
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
  - name: scratch
    emptyDir:
      sizeLimit: 100Mi
EOF
kubectl apply -f writer.yaml
sleep 20
kubectl exec writer -- sh -c 'echo hello > /cache/a.txt && cat /cache/a.txt'
#! fault fill-volume pod=writer volume=cache
kubectl exec writer -- sh -c 'echo again >> /cache/a.txt'
kubectl exec writer -- dd if=/dev/zero of=/cache/big bs=1M count=1
kubectl exec writer -- cat /cache/a.txt
#! fault-end fill-volume pod=writer volume=cache
kubectl exec writer -- sh -c 'echo again >> /cache/a.txt && cat /cache/a.txt'
#! fault fill-volume pod=writer volume=scratch
sleep 10
kubectl get pod writer
kubectl describe pod writer | sed -n '/^Status:/,/^IP:/p'
kubectl describe pod writer | sed -n '/^Events:/,$p'
#! fault stop-kubelet node=node2
sleep 30
kubectl get nodes
sleep 20
kubectl get nodes
kubectl describe node node2 | sed -n '/^Taints:/,/^Unschedulable:/p;/^Conditions:/,/^Addresses:/p'
kubectl get pods -o wide
kubectl get endpoints web
kubectl get events --field-selector reason=NodeNotReady
sleep 300
kubectl get pods -o wide
kubectl get events --field-selector reason=TaintManagerEviction
#! fault-end stop-kubelet node=node2
sleep 20
kubectl get nodes
kubectl get pods -o wide
