// Builds a new cluster of a given shape: what `kubeadm init --pod-network-cidr=10.244.0.0/16`,
// flannel and two `kubeadm join`s leave behind (`kubeadm`), the same with an external cloud
// provider (`cloud`), or three bare hosts with containerd and no Kubernetes yet (`bare`).

import type { Cluster } from '../cluster';
import { KubeObject } from '../api/types';
import { rfc3339 } from '../time';
import { API_SERVER_ENDPOINT, KUBERNETES_VERSION, MASTER_IP, machineNames, newMachine, nodeObject, staticPod } from './machines';
import { systemObjects } from './system-objects';
import { nodeLease } from './lease';
import { defaultStorageClass } from '../cloud';

/** System images every kubeadm node has pulled during installation. */
export const SYSTEM_IMAGES = [
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  'registry.k8s.io/pause:3.10',
  'ghcr.io/flannel-io/flannel:v0.26.1',
  'ghcr.io/flannel-io/flannel-cni-plugin:v1.6.0-flannel1',
];
export const MASTER_IMAGES = [
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/coredns/coredns:v1.11.3',
];

export function bootstrap(cluster: Cluster): void {
  const { config, runtime } = cluster;
  runtime.apiServerEndpoint = API_SERVER_ENDPOINT;
  machineNames(config.workers).forEach((name, i) => {
    runtime.machines[name] = newMachine(name, i);
  });
  if (config.shape === 'bare') {
    runtime.apiServerUp = false;
    return;
  }
  initControlPlane(cluster, config.shape === 'cloud');
  if (config.shape === 'cloud') cluster.api.create(defaultStorageClass(), { internal: true });
}

/** Everything `kubeadm init` plus the joins and the network add-on produce. */
export function initControlPlane(cluster: Cluster, externalCloudProvider: boolean): void {
  const { runtime, api, rng } = cluster;
  runtime.apiServerUp = true;
  const at = rfc3339(cluster.now);
  const create = (o: KubeObject): KubeObject => api.create(o, { internal: true });
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  }
  // as flannel's manifest creates it
  create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel', 'kubernetes.io/metadata.name': 'kube-flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } });
  const master = runtime.machines.master;
  master.staticPods = controlPlaneManifests(master.ip);
  for (const m of Object.values(runtime.machines)) {
    m.images = [...SYSTEM_IMAGES, ...(m.name === 'master' ? MASTER_IMAGES : [])];
    m.joined = true;
    const node = create(nodeObject(m, rng, { controlPlane: m.name === 'master', externalCloudProvider, networkReady: true, at }));
    create(nodeLease(node, cluster.now));
  }
  for (const o of systemObjects(MASTER_IP)) create(o);
}

export function controlPlaneManifests(ip: string): KubeObject[] {
  return [
    staticPod('etcd', 'etcd', 'registry.k8s.io/etcd:3.5.16-0', [
      'etcd',
      `--advertise-client-urls=https://${ip}:2379`,
      '--data-dir=/var/lib/etcd',
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      '--name=master',
    ]),
    staticPod('kube-apiserver', 'kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction',
      '--secure-port=6443',
      '--service-cluster-ip-range=10.96.0.0/12',
    ]),
    staticPod('kube-controller-manager', 'kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, [
      'kube-controller-manager',
      '--allocate-node-cidrs=true',
      '--cluster-cidr=10.244.0.0/16',
      '--leader-elect=true',
      '--service-cluster-ip-range=10.96.0.0/12',
    ]),
    staticPod('kube-scheduler', 'kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, [
      'kube-scheduler',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ]),
  ];
}
