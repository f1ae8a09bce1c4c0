# options: --shape bare
# A cluster built by hand on three fresh Ubuntu hosts: packages, kernel settings, kubeadm init,
# the pod network, two workers joining.
kubeadm version
kubectl get nodes
swapon --show
free -h
sysctl net.ipv4.ip_forward
grep SystemdCgroup /etc/containerd/config.toml
apt-get update
sudo apt-get install -y kubelet kubeadm kubectl
curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list
sudo apt-get update
sudo apt-get install -y kubelet kubeadm kubectl
sudo apt-mark hold kubelet kubeadm kubectl
kubeadm version -o short
kubeadm init
sudo kubeadm init --pod-network-cidr=10.244.0.0/16
sudo swapoff -a
free -h | grep Swap
printf 'net.ipv4.ip_forward = 1\n' | sudo tee /etc/sysctl.d/k8s.conf
sudo sysctl --system
sudo kubeadm init --pod-network-cidr=10.244.0.0/16
ls -l /etc/kubernetes/admin.conf
cat /etc/kubernetes/admin.conf
sudo ls -R /etc/kubernetes
sudo cat /etc/kubernetes/manifests/kube-controller-manager.yaml
kubectl get nodes
mkdir -p $HOME/.kube
sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
sudo chown $(id -u):$(id -g) $HOME/.kube/config
kubectl get nodes
kubectl get pods -n kube-system
kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml
sleep 30
kubectl get nodes
kubectl get pods -A
sudo kubeadm token list
JOIN=$(sudo kubeadm token create --print-join-command)
for h in node1 node2; do ssh $h 'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg'; done
for h in node1 node2; do ssh $h "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list"; done
ssh node1 'sudo apt-get update -q >/dev/null && sudo apt-get install -y -q kubelet kubeadm >/dev/null'
ssh node1 "sudo $JOIN"
ssh node1 'sudo swapoff -a && sudo sysctl -w net.ipv4.ip_forward=1'
ssh node1 "sudo $JOIN"
ssh node2 'sudo apt-get update -q >/dev/null && sudo apt-get install -y -q kubelet kubeadm >/dev/null && sudo swapoff -a && sudo sysctl -w net.ipv4.ip_forward=1'
ssh node2 "sudo $JOIN"
kubectl get nodes
sleep 60
kubectl get nodes -o wide
kubectl get pods -n kube-system -o wide
ssh node1 sudo ls -R /etc/kubernetes
