# options: --shape bare
# kubeadm init's preflight says the images can be pulled beforehand with `kubeadm config images
# pull`: the list, the pull (root only: containerd's socket), then an init that finds them there.
sudo swapoff -a
printf 'net.ipv4.ip_forward = 1\n' | sudo tee /etc/sysctl.d/k8s.conf
sudo sysctl --system > /dev/null
curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list > /dev/null
sudo apt-get update > /dev/null
sudo apt-get install -y kubelet kubeadm kubectl > /dev/null
kubeadm config
kubeadm config images
kubeadm config images list
kubeadm config images list --kubernetes-version=v1.31.0
kubeadm config images pull
echo "exit $?"
date -u +%T
sudo kubeadm config images pull
date -u +%T
sudo kubeadm config images pull
date -u +%T
sudo kubeadm init --pod-network-cidr=10.244.0.0/16 | head -8
date -u +%T
