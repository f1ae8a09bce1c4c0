# Image mistakes a student makes in a manifest, and a pod's image changed in place.
cat > upper.yaml <<'X'
apiVersion: v1
kind: Pod
metadata:
  name: upper
spec:
  containers:
  - name: web
    image: Nginx:1.25
X
kubectl apply -f upper.yaml
kubectl run typo --image=nginxx
kubectl run never --image=nginx:1.24 --image-pull-policy=Never
sleep 20
kubectl get pods
kubectl describe pod upper
kubectl get events --field-selector involvedObject.name=never
kubectl set image pod/upper web=nginx:1.25
kubectl set image pod/typo typo=nginx:1.25
sleep 10
kubectl get pods
kubectl set image pod/upper web=nginx:1.27
sleep 10
kubectl get pod upper
kubectl describe pod upper
