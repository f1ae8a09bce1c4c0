// The machines of a cluster and the Node objects their kubelets register, as on a kubeadm
// cluster built on three Ubuntu 24.04 hosts with containerd (the course's master, node1, node2).

import { MachineState } from '../cluster-state';
import { KubeObject, Node, Taint } from '../api/types';
import { Random } from '../random';
import { fakeSha256 } from '../images/digest';

export const KUBERNETES_VERSION = 'v1.32.5';
export const CONTAINERD_VERSION = 'containerd://1.7.24';
export const KERNEL_VERSION = '6.8.0-48-generic';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const NODE_SUBNET = '192.168.56.';
export const MASTER_IP = `${NODE_SUBNET}10`;
export const API_SERVER_ENDPOINT = `https://${MASTER_IP}:6443`;

export function machineNames(workers: number): string[] {
  const names = ['master'];
  for (let i = 1; i <= workers; i++) names.push(`node${i}`);
  return names;
}

export function newMachine(name: string, index: number): MachineState {
  return {
    name,
    ip: `${NODE_SUBNET}${10 + index}`,
    kubeletRunning: true,
    poweredOn: true,
    images: [],
    staticPods: [],
    podCIDR: `10.244.${index}.0/24`,
    joined: false,
  };
}

export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

export interface NodeOptions {
  controlPlane: boolean;
  /** registered by a kubelet with --cloud-provider=external */
  externalCloudProvider: boolean;
  /** the network add-on has not configured this node yet (NotReady) */
  networkReady: boolean;
  /** created at (RFC 3339) */
  at: string;
}

/**
 * What flanneld's kube subnet manager writes on its node when it starts: the VXLAN backend, its
 * VTEP's MAC address (random on a real node; here drawn from the node's name, so no draw of the
 * cluster's random source moves) and the node's address.
 */
export function flannelAnnotations(machine: Pick<MachineState, 'name' | 'ip'>): Record<string, string> {
  const h = fakeSha256(`flannel.1/${machine.name}`);
  // a locally administered unicast address, as the kernel's random ones are
  const octets = [0, 1, 2, 3, 4, 5].map((i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
  octets[0] = (octets[0] & 0xfe) | 0x02;
  const mac = octets.map((o) => o.toString(16).padStart(2, '0')).join(':');
  return {
    'flannel.alpha.coreos.com/backend-data': `{"VNI":1,"VtepMAC":"${mac}"}`,
    'flannel.alpha.coreos.com/backend-type': 'vxlan',
    'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
    'flannel.alpha.coreos.com/public-ip': machine.ip,
  };
}

/** The Node object a v1.32 kubelet registers for `machine`, with node-controller fields filled. */
export function nodeObject(machine: MachineState, rng: Random, opts: NodeOptions): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': machine.name,
    'kubernetes.io/os': 'linux',
  };
  if (opts.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const taints: Taint[] = [];
  if (opts.controlPlane) taints.push({ ...CONTROL_PLANE_TAINT });
  if (opts.externalCloudProvider) taints.push({ key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' });
  if (!opts.networkReady) taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
  const ready = opts.networkReady
    ? { type: 'Ready', status: 'True' as const, reason: 'KubeletReady', message: 'kubelet is posting ready status' }
    : {
        type: 'Ready',
        status: 'False' as const,
        reason: 'KubeletNotReady',
        message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      };
  const t = opts.at;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: machine.name,
      labels,
      // flannel's, when the network add-on already runs there (the API server returns them sorted)
      annotations: {
        ...(opts.networkReady ? flannelAnnotations(machine) : {}),
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: machine.podCIDR,
      podCIDRs: [machine.podCIDR],
      ...(taints.length ? { taints } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: machine.ip },
        { type: 'Hostname', address: machine.name },
      ],
      // capacity less the hard eviction thresholds: memory.available 100Mi, nodefs.available 10%
      // (the kubelet's float32 0.1: 31398892Ki less 3215246588 bytes)
      allocatable: { cpu: '2', 'ephemeral-storage': '28937218820', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3892004Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '31398892Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3994404Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { ...ready, lastHeartbeatTime: t, lastTransitionTime: t },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: rng.uuid(),
        containerRuntimeVersion: CONTAINERD_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: rng.hex(32),
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: rng.uuid(),
      },
    },
  };
}

/** A static pod manifest as kubeadm writes it to /etc/kubernetes/manifests. */
export function staticPod(name: string, component: string, image: string, command: string[], extra: Partial<KubeObject['spec']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {},
    },
    spec: {
      containers: [
        {
          name,
          image,
          imagePullPolicy: 'IfNotPresent',
          command,
          resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-controller-manager' ? '200m' : '100m', ...(component === 'etcd' ? { memory: '100Mi' } : {}) } },
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      ...extra,
    },
  };
}
