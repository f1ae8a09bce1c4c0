// What a cluster is made of when it is not running: plain JSON that serializes and loads back
// into the same cluster (objects, timers, the random source, and the runtime that no API object
// holds: container processes, logs, node machines, host files).

import type { KubeObject } from './api/types';
import type { RandomState } from './random';

/** Bumped whenever a change to the engine would make a replay of old inputs differ. */
export const ENGINE_VERSION = '0.1.0';

export type ClusterShape = 'kubeadm' | 'bare' | 'cloud';
export type KubeProxyMode = 'iptables' | 'ipvs';

export interface ClusterOptions {
  /** worker nodes (default 2) */
  workers?: number;
  kubeProxyMode?: KubeProxyMode;
  /** admission limits (defaults in DEFAULT_LIMITS) */
  limits?: Partial<ClusterLimits>;
}

export interface ClusterLimits {
  /** objects per cluster, events excluded */
  maxObjects: number;
  maxPods: number;
  /** largest serialized object, in bytes */
  maxObjectBytes: number;
  /** events kept at once (oldest expire first beyond this) */
  maxEvents: number;
}

export const DEFAULT_LIMITS: ClusterLimits = {
  maxObjects: 2000,
  maxPods: 500,
  maxObjectBytes: 1024 * 1024,
  maxEvents: 1000,
};

export interface ClusterConfig {
  seed: number;
  /** when the cluster was created (epoch ms) */
  start: number;
  shape: ClusterShape;
  workers: number;
  kubeProxyMode: KubeProxyMode;
  limits: ClusterLimits;
}

export interface TimerEntry {
  at: number;
  controller: string;
  key: string;
}

/** A node as a machine: what the kubelet and the container runtime on it are doing. */
export interface MachineState {
  name: string;
  ip: string;
  /** the kubelet process is running (systemctl stop kubelet clears it) */
  kubeletRunning: boolean;
  poweredOn: boolean;
  /** when the kubelet last stopped posting status (for the node lifecycle controller) */
  kubeletStoppedAt?: number;
  /** images present on the machine, `repo:tag` */
  images: string[];
  /** extra pull delay in ms (a "slow registry" fault) */
  pullDelayMs?: number;
  /** static pod manifests (/etc/kubernetes/manifests), run by the kubelet as mirror pods */
  staticPods: KubeObject[];
  /** the node's pod CIDR, 10.244.N.0/24 */
  podCIDR: string;
  /** the machine joined the cluster (its kubelet registers a Node) */
  joined: boolean;
}

/**
 * Runtime that no API object holds. Each controller owns one section, keyed by its name, so
 * this stays plain JSON; machines are shared by the kubelet, node lifecycle and the shell.
 */
export interface RuntimeState {
  /** the control plane answers (false on a `bare` cluster until `kubeadm init`) */
  apiServerUp: boolean;
  /** https://<master ip>:6443 */
  apiServerEndpoint: string;
  machines: Record<string, MachineState>;
  /** per controller, data it owns (container processes, logs, allocations ...) */
  sections: Record<string, any>;
  /** images or tags made unavailable in the registry (a fault) */
  unavailableImages: string[];
}

export interface SerializedCluster {
  engineVersion: string;
  config: ClusterConfig;
  now: number;
  rng: RandomState;
  resourceVersion: number;
  /** [resource, object] in key order */
  objects: [string, KubeObject][];
  timers: TimerEntry[];
  runtime: RuntimeState;
  /** simulated hosts (files, services) for the shell: opaque to the engine core */
  hosts: Record<string, unknown>;
}
