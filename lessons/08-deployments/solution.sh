# step: from-yaml
kubectl apply -f deployment.yaml
sleep 30
kubectl get deploy,rs,pods
# step: rollout
kubectl set image deployment/shop nginx=nginx:1.27
kubectl rollout status deployment/shop
kubectl get rs
# step: undo
kubectl rollout history deployment/shop
kubectl rollout undo deployment/shop
kubectl rollout status deployment/shop
kubectl get deployment shop -o wide
# step: scale
kubectl scale deployment shop --replicas=5
sleep 20
kubectl get deployment shop
# step: failed-rollout
kubectl set image deployment/shop nginx=nginx:1.99-nope
kubectl rollout status deployment/shop --timeout=60s
kubectl get pods -l app=shop
# step: recover
kubectl rollout undo deployment/shop
kubectl rollout status deployment/shop
sleep 30
kubectl get pods -l app=shop
