// The admin kubeconfig kubeadm writes to /etc/kubernetes/admin.conf (certificates are fake
// base64 placeholders: nothing ever checks them).

const FAKE_CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const FAKE_CERT = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const FAKE_KEY = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K';

export function adminKubeconfig(server: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${FAKE_CA}
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: ${FAKE_CERT}
    client-key-data: ${FAKE_KEY}
`;
}
