// `kubeadm init --config FILE` and `kubeadm join --config FILE`: the v1beta4 InitConfiguration,
// ClusterConfiguration and JoinConfiguration fields the classroom uses. In v1beta4
// `nodeRegistration.kubeletExtraArgs` is a list of {name, value}; v1beta3's map is refused by
// the strict decoder as kubeadm refuses it.

import { parseAllDocuments } from 'yaml';

export interface KubeadmConfig {
  podSubnet?: string;
  advertiseAddress?: string;
  kubeletExtraArgs: Record<string, string>;
  /** join: the discovery fields */
  apiServerEndpoint?: string;
  token?: string;
  caCertHashes?: string[];
}

export type ConfigResult = { ok: true; config: KubeadmConfig; warnings: string[] } | { ok: false; error: string };

export function parseKubeadmConfig(text: string, path: string): ConfigResult {
  const config: KubeadmConfig = { kubeletExtraArgs: {} };
  const warnings: string[] = [];
  let docs: unknown[];
  try {
    docs = parseAllDocuments(text).map((d) => d.toJS());
  } catch (e) {
    return { ok: false, error: `unable to decode config from "${path}": ${(e as Error).message.split('\n')[0]}` };
  }
  for (const raw of docs) {
    if (!raw || typeof raw !== 'object') continue;
    const doc = raw as Record<string, any>;
    const api = String(doc.apiVersion ?? '');
    const kind = String(doc.kind ?? '');
    if (api !== 'kubeadm.k8s.io/v1beta4' && api !== 'kubeadm.k8s.io/v1beta3') {
      if (api.startsWith('kubeadm.k8s.io/')) return { ok: false, error: `no kind "${kind}" is registered for version "${api}" in scheme "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:31"` };
      continue;
    }
    if (api === 'kubeadm.k8s.io/v1beta3') {
      warnings.push(`your configuration file uses a deprecated API spec: "kubeadm.k8s.io/v1beta3" (kind: "${kind}"). Please use 'kubeadm config migrate --old-config old.yaml --new-config new.yaml', which will write the new, similar spec using a newer API version.`);
    }
    if (kind === 'ClusterConfiguration') {
      if (doc.networking?.podSubnet) config.podSubnet = String(doc.networking.podSubnet);
    } else if (kind === 'InitConfiguration' || kind === 'JoinConfiguration') {
      if (doc.localAPIEndpoint?.advertiseAddress) config.advertiseAddress = String(doc.localAPIEndpoint.advertiseAddress);
      const extra = doc.nodeRegistration?.kubeletExtraArgs;
      if (extra !== undefined && extra !== null) {
        if (api === 'kubeadm.k8s.io/v1beta4') {
          if (!Array.isArray(extra)) {
            return { ok: false, error: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type []v1beta4.Arg` };
          }
          for (const a of extra) if (a && typeof a === 'object' && 'name' in a) config.kubeletExtraArgs[String(a.name)] = String(a.value ?? '');
        } else if (typeof extra === 'object' && !Array.isArray(extra)) {
          for (const [k, v] of Object.entries(extra)) config.kubeletExtraArgs[k] = String(v);
        }
      }
      const d = doc.discovery?.bootstrapToken;
      if (d) {
        if (d.apiServerEndpoint) config.apiServerEndpoint = String(d.apiServerEndpoint);
        if (d.token) config.token = String(d.token);
        if (Array.isArray(d.caCertHashes)) config.caCertHashes = d.caCertHashes.map(String);
      }
    }
  }
  return { ok: true, config, warnings };
}
