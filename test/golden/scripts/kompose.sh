# kompose turns a compose file into Kubernetes objects: convert writes one file per object and logs
# each (logrus, coloured even off a terminal), --stdout prints them instead; kubectl apply creates
# them and, on a kubeadm cluster (no StorageClass), their claims stay Pending. kompose up and down
# run as kompose 1.21's did, after a one-line note.
cat > docker-compose.yaml <<'YAML'
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
    volumes:
      - dbdata:/var/lib/postgresql/data
  backup:
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    restart: "no"
    volumes:
      - ./backup:/backup
volumes:
  dbdata:
YAML
kompose version
mkdir k8s
cd k8s
kompose convert -f ../docker-compose.yaml
ls
cat db-deployment.yaml
kompose convert -f ../docker-compose.yaml --stdout -n demo --replicas 2 | head -n 24
kubectl apply -f .
sleep 30
kubectl get all
kubectl get pvc
kubectl delete -f .
cd ..
kompose up
sleep 30
kubectl get deployment,svc,pods,pvc
kompose down
