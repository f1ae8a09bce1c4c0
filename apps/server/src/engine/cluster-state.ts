// What a cluster is made of when it is not running: plain JSON that serializes and loads back
// into the same cluster (objects, timers, the random source, and the runtime that no API object
// holds: container processes, logs, node machines, host files).

import type { KubeObject } from './api/types';
import type { RandomState } from './random';
import type { PackedDocument } from './state/json-pack';

/**
 * Bumped whenever a change to the engine would make a replay of old inputs differ, or the stored
 * form of a cluster changes (0.2.0: states are stored packed, see state/stored-cluster.ts; 0.3.0:
 * timers due at one instant fire together, see cluster.ts; 0.4.0: the kubelet reports
 * InvalidImageName, pulls before it reads a container's config, and restarts a container whose
 * image a pod update changed; 0.5.0: a pod in crash back-off is synced again every 10-15 s, each
 * sync saying BackOff, and restarts at the first sync after its back-off; 0.6.0: the kubelet checks
 * hostPath types and the objects of config volumes before the sandbox, an unavailable tag is not
 * found (NotFound) while an unavailable repository is denied, node ports are drawn from above the
 * static band, the cloud's service controller updates load balancers, and a deployment no longer
 * scales an old ReplicaSet up while cleaning up; 0.7.0: role bindings default roleRef.apiGroup, leave a
 * ServiceAccount subject's empty apiGroup out and refuse a roleRef change, a Service create reports
 * an allocation error before a validation error, a container's start-up lines are stored as the
 * image's templates with their values, pod-template-hash and controller-revision-hash are
 * computed over spew's dump of the Go structs as the controllers do, the pod garbage collector
 * deletes the pods of a deleted Node after its 40 s quarantine, a restarted kubelet registers its
 * deleted Node again, curl and wget get the replies of redis, postgres, mysql and mariadb, and a container's script
 * runs `seq`, `[ ]`/`test`, and loops whose condition is a test until it fails, a hostNetwork pod
 * has the node's IP from its first status, and EndpointSlices leave out pods whose Node is gone;
 * 0.8.0: a node's Lease is owned by its Node (the garbage collector deletes it with the Node, the
 * kubelet creates it again once its Node is back, at its 10 s renewal), the node lifecycle
 * controller records RegisteredNode and RemovingNode, the kubelet records NodeNotSchedulable and
 * NodeSchedulable at its status update after a cordon or uncordon, and Node Events name the Node
 * as their recorders do: the kubelet by its name as uid, the controllers without resourceVersion;
 * 0.9.0: the shell runs `case ... esac` and `[[ ]]` (both used to be refused), a `${x#pattern}`
 * matches what was quoted in its pattern literally, bracket expressions know POSIX classes
 * (`[[:digit:]]`), history expansion leaves the `!` of `[!a]`, `${!x}` and `$!` alone, and
 * `$RANDOM` and `$SRANDOM` draw from the cluster's seeded generator (they were empty); the
 * shell expands `${x^^}` and the other case changes, `${x/a/b}` and the other substitutions,
 * `${x:1:2}`, `${@:2}` and `${!x}`, has `let` and `command`, `$BASH_VERSION`, `read -p` prompts only
 * at the terminal, and cat takes -A, -b, -E, -s, -T and -v; functions (`f() { ...; }`,
 * `function f`, local, return, unset -f, type and declare -f printing them as bash does) are kept in
 * the session, "$@" gives a field per argument, where it gave one field for all, and what bash
 * runs as a script or with -c names the script and the line in its messages; indexed arrays
 * (`a=(x y)`, `a[i]=v`, `${a[@]}`, `${#a[@]}`, `${!a[@]}`, read -a, mapfile, BASH_REMATCH's
 * groups) are kept in the session, and `trap CMD EXIT` runs when its shell, subshell or script
 * ends);
 * 0.10.0: every Event expires an hour after its lastTimestamp (whole seconds; it was an hour after
 * the recording instant, to the millisecond), Events a user created included (they never
 * expired), under one event-ttl timer at the earliest expiry instead of a timer per Event; the
 * scheduler's retries of a pod left Pending, counted in closed form, leave the resourceVersions
 * their writes would have (the same however time was stepped through);
 * 0.11.0: a container whose main process is curl, wget, nslookup or dig runs against the
 * cluster when it starts (its output, its waits and its exit status are the client's: a refused
 * wget ends the pod in Error), where its output was computed when its logs were first read and
 * its status was always 0; curlimages/curl runs what its entrypoint script is given;
 * 0.12.0: a hostPath or local PersistentVolume keeps its files on the node of the pod that uses it
 * (they were kept apart from the nodes, shared by all); the scheduler honours a PersistentVolume's
 * nodeAffinity (and narrows the nodes it looks at to those a `kubernetes.io/hostname` term, or a
 * DaemonSet pod's `metadata.name` field, names); a local PV's missing path fails its mount; mariadb,
 * mysql and postgres initialize an empty data directory and start on a full one without doing so;
 * the hosts have Ubuntu's /mnt, /media, /lib and /sbin; nginx answers a document root without
 * index.html with 403 Forbidden (it was 404); the databases' entrypoints keep their accounts in the
 * data directory, and the mysql and mariadb clients run against the servers; `kill` in a container
 * reaches its main process, and `run -it` at a terminal attaches a shell or the mysql monitor.
 */
export const ENGINE_VERSION = '0.12.0';

/**
 * Engine versions whose stored states this engine loads: 0.1.0 differs only in storing the state
 * as plain JSON, 0.2.0 to 0.4.0 store the same state (their recorded inputs are not replayed:
 * timers due at one instant fired one by one in 0.2.0, the kubelet differed in 0.3.0 and 0.4.0;
 * a 0.4.0 container waiting in crash back-off is synced again at its restart time, as it was);
 * 0.5.0 states load as they are (running pods' volumes are not checked again; a cloud cluster's
 * load balancers, which 0.5.0 did not remember, are ensured again at their service's next change,
 * as after a restart of the cloud controller manager); 0.6.0 states load as they are (their
 * containers' start-up lines stored filled, as they were; their built-in bindings keep the
 * empty apiGroup of their ServiceAccount subjects); 0.7.0 states load as they are (their Leases
 * have no owner until the kubelet's next start or a change of them; the node lifecycle controller
 * knows the nodes they hold, and their kubelets, as after a restart, report a cordoned node
 * NodeNotSchedulable once); 0.8.0 states load as they are (the change is the shell's: what a
 * line does, not what a cluster holds); 0.9.0 states load as they are (their per-Event TTL timers
 * still fire and expire their Events; the expiries of all stored Events are rebuilt at the first
 * Event written after the load); 0.10.0 states load as they are (a client container started
 * before keeps the run it was given: the output its logs already showed, or none); 0.11.0 states
 * load as they are (a hostPath PV that already holds files where 0.11.0 kept them keeps them there,
 * node-volume.ts, so nothing a student wrote is lost; a database started before initialized no
 * files).
 */
export const LOADABLE_ENGINE_VERSIONS: readonly string[] = ['0.1.0', '0.2.0', '0.3.0', '0.4.0', '0.5.0', '0.6.0', '0.7.0', '0.8.0', '0.9.0', '0.10.0', '0.11.0', ENGINE_VERSION];

export function loadsEngineVersion(version: string): boolean {
  return LOADABLE_ENGINE_VERSIONS.includes(version);
}

/** A stored state this engine cannot load (written by another engine version). */
export class EngineVersionError extends Error {
  constructor(readonly stateVersion: string) {
    super(`cluster state was written by engine ${stateVersion}; this is engine ${ENGINE_VERSION}`);
    this.name = 'EngineVersionError';
  }
}

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
  /**
   * when its running kubelet next syncs its node Lease, found deleted or without owner (a renewal
   * on its 10 s rhythm); absent while the Lease is in place with its owner
   */
  leaseDueAt?: number;
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

/**
 * The in-memory snapshot of a cluster (`Cluster.serialize()`), plain JSON. What is stored is the
 * smaller `StoredCluster` made from it; this form (engine 0.1.0 stored it) loads too.
 */
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

/**
 * A cluster as stored (`Sandbox.serialize()`): the engine version, the time and the config in
 * the clear, and the rest of a `SerializedCluster` packed (state/json-pack.ts), several times
 * smaller. `Sandbox.load` reads this and the plain form.
 */
export interface StoredCluster {
  engineVersion: string;
  /** the stored form: `packed-1` */
  format: string;
  now: number;
  config: ClusterConfig;
  /** rng, resourceVersion, objects, timers, runtime and hosts, packed */
  packed: PackedDocument;
}
