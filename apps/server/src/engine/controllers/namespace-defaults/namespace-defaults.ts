// The ServiceAccount controller and the root CA publisher of kube-controller-manager: every
// Active namespace has the ServiceAccount `default` and the ConfigMap `kube-root-ca.crt` with
// the cluster's CA certificate, and gets them back if they are deleted.

import { ConfigMap, KubeObject, Namespace } from '../../api/types';
import { Controller, ControllerContext } from '../controller';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service (kubernetes.default.svc) of the cluster.';

/** The simulated cluster CA (a self-signed `CN=kubernetes` certificate; its key was thrown away). */
export const CLUSTER_CA_PEM = [
  '-----BEGIN CERTIFICATE-----\n',
  'MIIDGzCCAgOgAwIBAgIUHTeKiR2Zp5ttaDQeE4AClMpJD/IwDQYJKoZIhvcNAQEL\n',
  'BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjExMjUxNzU0MTNaFw0zNjEx\n',
  'MjIxNzU0MTNaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEB\n',
  'AQUAA4IBDwAwggEKAoIBAQDRHP/kvBDk2TQjrQaiapTeKLNAdXRS+yEnUzb7Rbw2\n',
  'TaSSGs2dWNjG+foeN7TKHAtgPryO4FNg36RbOG6QgX5f6o1dnCdTKJHV4a+jlOGP\n',
  '8xl3Pdn6s/prBU6oJiVH8QoQgWL3Qz7Syo4zSrntcGc87Ba5bxQzahzppfmu+qQi\n',
  '06cK3/o/7Qui/RwV6DIxOEPxj4G/MdMGx5G269fAGTmnaCg2HfCBmrwZ+7PwE5VZ\n',
  'IBYbD9IFpkV8+ml6Mi2XUKDajIJyIBVHqZ+pBJw7res4yLUKR1U4sYtPFshgorsY\n',
  'k0SRjaRK+RSxMc7+Cl8iElR+AxodixX68+64bn5ZBv4xAgMBAAGjYzBhMB0GA1Ud\n',
  'DgQWBBR9X1hsKvQ74u5SmM+TEO3Yt1pOdTAfBgNVHSMEGDAWgBR9X1hsKvQ74u5S\n',
  'mM+TEO3Yt1pOdTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwICpDANBgkq\n',
  'hkiG9w0BAQsFAAOCAQEAS9HNr7Rg6Z/VjF5nmH+d78hudc4WLk7IoABm8q21vc9J\n',
  '4w7qkdBTLrHCIHqGq7cIcNHE6Ibc6BcGKD5CPO+7Jc1ZMS07fUD6n49E3bRssWEv\n',
  'PpKGtDEhEE8sHBk2WPsO4BitpsmaI5gt37APbKTmmyoutfUuFhUgVg7WpAfUBTLk\n',
  'SUCi8MEGgcZwCemPdvRtrlAUZLbeNSEW2cUmi32/MYmnMcLpxau5GCmFjkFbnaKu\n',
  'Z+vx86f3vpIYjMZMh9nQ8/6vCu8cVgNm2Xh8/Ln9v7UnmrNxa3HpN7wY2rP2TXzt\n',
  'Wyh5AaFQCQ2xMZjmQw63Q0q1gdYaJCiU6JW2RtCcHg==\n',
  '-----END CERTIFICATE-----\n',
].join('');

export function namespaceDefaultsController(): Controller {
  return {
    name: 'namespace-defaults',
    resources: ['namespaces', 'serviceaccounts', 'configmaps'],
    watch(ev, enqueue) {
      if (ev.resource === 'namespaces') {
        if (ev.type !== 'DELETED') enqueue(ev.object.metadata.name!);
        return;
      }
      const name = ev.object.metadata.name;
      const ns = ev.object.metadata.namespace;
      if (!ns) return;
      if ((ev.resource === 'serviceaccounts' && name === DEFAULT_SERVICE_ACCOUNT) || (ev.resource === 'configmaps' && name === ROOT_CA_CONFIGMAP)) enqueue(ns);
    },
    sync(name, ctx) {
      const ns = ctx.store.get('namespaces', undefined, name) as Namespace | undefined;
      if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return;
      if (!ctx.store.get('serviceaccounts', name, DEFAULT_SERVICE_ACCOUNT)) {
        create(ctx, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name } });
      }
      const cm = ctx.store.get('configmaps', name, ROOT_CA_CONFIGMAP) as ConfigMap | undefined;
      if (!cm) create(ctx, rootCaConfigMap(name));
      else if (cm.data?.['ca.crt'] !== CLUSTER_CA_PEM) {
        // the publisher puts back what someone edited
        ctx.api.update({ ...cm, data: { 'ca.crt': CLUSTER_CA_PEM } });
      }
    },
  };
}

export function rootCaConfigMap(namespace: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': CLUSTER_CA_PEM },
  };
}

function create(ctx: ControllerContext, obj: KubeObject): void {
  try {
    ctx.api.create(obj, { internal: true });
  } catch {
    // the namespace started terminating: nothing more is created in it
  }
}
