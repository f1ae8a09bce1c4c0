# options: --shape bare
# The course's way (apt-key, apt.kubernetes.io; accepted with a note), kubeadm's failures and
# their fixes: swap left on, a token that expired, reset, and init from a v1beta4 config file.
curl https://packages.cloud.google.com/apt/doc/apt-key.gpg | apt-key add -
curl -s https://packages.cloud.google.com/apt/doc/apt-key.gpg | sudo apt-key add -
sudo apt-add-repository "deb http://apt.kubernetes.io/ kubernetes-xenial main"
sudo apt install kubeadm
kubeadm version
sudo apt-get install -y -q kubelet kubectl >/dev/null
sudo sysctl -w net.ipv4.ip_forward=1
sudo kubeadm init
sudo kubeadm init
sudo kubeadm reset -f
sudo swapoff -a
cat > kubeadm-config.yaml <<'YAML'
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  kubeletExtraArgs:
    cloud-provider: external
YAML
sudo kubeadm init --config kubeadm-config.yaml | tail -3
cat > kubeadm-config.yaml <<'YAML'
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  kubeletExtraArgs:
  - name: cloud-provider
    value: external
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  podSubnet: 10.244.0.0/16
YAML
sudo kubeadm init --config kubeadm-config.yaml | tail -4
export KUBECONFIG=/etc/kubernetes/admin.conf
kubectl get nodes
sudo -E kubectl get nodes
sudo cat /var/lib/kubelet/kubeadm-flags.env
sudo kubectl --kubeconfig /etc/kubernetes/admin.conf describe node master | grep -A3 Taints
sudo kubeadm token list
sudo kubeadm token create
sudo kubeadm token list
sleep 86400
sudo kubeadm token list
JOIN=$(sudo kubeadm token create --print-join-command)
echo "$JOIN" | sed 's/--token [a-z0-9.]*/--token <token>/; s/sha256:[0-9a-f]*/sha256:<hash>/'
ssh node1 'curl -s https://packages.cloud.google.com/apt/doc/apt-key.gpg | sudo apt-key add - >/dev/null 2>&1 && sudo apt-add-repository -y "deb http://apt.kubernetes.io/ kubernetes-xenial main" >/dev/null 2>&1 && sudo apt-get install -y -q kubeadm kubelet >/dev/null && sudo swapoff -a && sudo sysctl -w net.ipv4.ip_forward=1'
ssh node1 'sudo kubeadm join 192.168.56.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00'
ssh node1 "sudo $JOIN"
sudo -E kubectl get nodes
