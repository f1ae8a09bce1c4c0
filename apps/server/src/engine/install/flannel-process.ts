// flanneld with --kube-subnet-mgr reads its node's pod CIDR: on a cluster initialized without
// --pod-network-cidr the controller manager allocates none, and flannel exits at once with its
// real error, so its pod crash-loops (and pods on that node cannot get an address).

import type { Node } from '../api/types';
import { registerProcessHook } from '../controllers/kubelet/process-hooks';
import type { ProcessHookInput } from '../controllers/kubelet/process-hooks';
import type { ProcessPlan } from '../controllers/kubelet/process-model';
import { klog } from './kubeadm/kubeadm-text';

/** flannel v0.26.1's log until it gives up, as [ms after start, line] */
function crashLog(at: number, node: string): [number, string][] {
  const line = (ms: number, level: 'I' | 'W' | 'E', text: string): [number, string] => [ms, `${klog(level, at + ms, 1)}${text}`];
  return [
    line(12, 'I', 'main.go:211] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network etcdKeyfile: etcdCertfile: etcdCAFile: etcdUsername: etcdPassword: version:false kubeSubnetMgr:true kubeApiUrl: kubeAnnotationPrefix:flannel.alpha.coreos.com kubeConfigFile: iface:[] ifaceRegex:[] ipMasq:true ifaceCanReach: subnetFile:/run/flannel/subnet.env publicIP: publicIPv6: subnetLeaseRenewMargin:60 healthzIP:0.0.0.0 healthzPort:0 iptablesResyncSeconds:5 iptablesForwardRules:true netConfPath:/etc/kube-flannel/net-conf.json setNodeNetworkUnavailable:true}'),
    line(13, 'W', 'client_config.go:659] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.'),
    line(25, 'I', 'kube.go:139] Waiting 10m0s for node controller to sync'),
    line(25, 'I', 'kube.go:469] Starting kube subnet manager'),
    line(1026, 'I', 'kube.go:146] Node controller sync successful'),
    line(1026, 'I', `main.go:231] Created subnet manager: Kubernetes Subnet Manager - ${node}`),
    line(1026, 'I', 'main.go:234] Installing signal handlers'),
    line(1027, 'I', 'main.go:452] Found network config - Backend type: vxlan'),
    line(1029, 'E', `main.go:359] Error registering network: failed to acquire lease: node "${node}" pod cidr not assigned`),
    line(1030, 'I', 'main.go:339] Stopping shutdownHandler...'),
  ];
}

export function flannelWithoutPodCidr(input: ProcessHookInput): Partial<ProcessPlan> | undefined {
  const { pod, container, store, at } = input;
  if (!(container.command ?? []).some((a) => a.endsWith('flanneld'))) return undefined;
  const nodeName = pod.spec.nodeName;
  const node = nodeName ? (store.get('nodes', undefined, nodeName) as Node | undefined) : undefined;
  if (!node || node.spec?.podCIDR) return undefined;
  return { exitAfterMs: 1031, exitCode: 1, lines: crashLog(at, node.metadata.name!), ports: [], http: undefined };
}

registerProcessHook(flannelWithoutPodCidr);
