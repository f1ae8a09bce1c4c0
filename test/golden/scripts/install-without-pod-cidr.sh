# options: --shape bare
curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list >/dev/null
sudo apt-get update >/dev/null
sudo apt-get install -y kubelet kubeadm kubectl >/dev/null
sudo swapoff -a
sudo sysctl -w net.ipv4.ip_forward=1
sudo kubeadm init >/dev/null
mkdir -p $HOME/.kube; sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config; sudo chown $(id -u):$(id -g) $HOME/.kube/config
kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml
sleep 120
kubectl get pods -A
kubectl logs -n kube-flannel ds/kube-flannel-ds
kubectl get nodes
