// A student's sandbox: the simulated cluster, its hosts (master, node1, node2 with their files)
// and the commands the shell offers on them. Every door (CLI, web terminal, Discord, REST) runs
// command lines through a Sandbox; what differs is only its clock.

import { Cluster, CreateClusterInput } from './cluster';
import { SerializedCluster, StoredCluster } from './cluster-state';
import { fromStored, isStored, toStored } from './state/stored-cluster';
import { FileSystem, FileSystemJSON } from './shell/filesystem';
import { jsonEqual } from './api/json-equal';
import { newHostState } from './shell/hosts';
import { Shell } from './shell/shell';
import { ExternalCommand, HostState, OutputSink, RunOptions, RunResult, ShellEnvironment, ShellSession } from './shell/types';
import { newShellSession } from './shell/session';
import { hostCommands } from './host-commands';
import { containerShellFor } from './containers/interactive';
import { adminKubeconfig } from './bootstrap/kubeconfig';
import { prepareBareHost } from './install/bare-hosts';

/** Where simulated time comes from: the wall clock (interactive) or a virtual one (scripts, tests). */
export interface SandboxClock {
  now(): number;
  /** waits `ms` of simulated time (virtual: instantly) */
  sleep(ms: number): Promise<void> | void;
  /** virtual time: waiting commands end when nothing more will happen */
  readonly virtual: boolean;
}

/** A virtual clock: time moves only when something sleeps or the caller advances it. */
export class VirtualClock implements SandboxClock {
  readonly virtual = true;
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number): void {
    this.t += Math.max(0, ms);
  }
  advanceTo(t: number): void {
    this.t = Math.max(this.t, t);
  }
}

/**
 * A host as stored: its file system as a difference from the fresh Ubuntu host it started as
 * (the base is rebuilt on load), so that a cluster's state stays small.
 */
interface SerializedHost {
  hostname: string;
  ip: string;
  /** when the base file system was made */
  baseAt: number;
  peers: { name: string; ip: string }[];
  changed: FileSystemJSON['nodes'];
  removed: string[];
  services: Record<string, unknown>;
}

interface BaseFileSystem {
  /** what the base was made from */
  key: string;
  nodes: FileSystemJSON['nodes'];
}

export class Sandbox {
  readonly hosts: Record<string, HostState>;
  /** each host's base file system, by host name (see `base`) */
  private readonly bases = new Map<string, BaseFileSystem>();

  private constructor(
    readonly cluster: Cluster,
    readonly clock: SandboxClock,
  ) {
    this.hosts = {};
    const saved = cluster.hosts as Record<string, SerializedHost>;
    if (Object.keys(saved).length) {
      for (const [name, h] of Object.entries(saved)) {
        const nodes = { ...this.base(h.hostname, h.ip, h.peers, h.baseAt).nodes, ...h.changed };
        for (const path of h.removed) delete nodes[path];
        this.hosts[name] = { hostname: h.hostname, ip: h.ip, fs: FileSystem.fromJSON({ nodes }), services: h.services };
      }
    } else {
      this.initHosts();
    }
  }

  static create(input: CreateClusterInput, clock?: SandboxClock): Sandbox {
    const cluster = Cluster.create(input);
    return new Sandbox(cluster, clock ?? new VirtualClock(input.start));
  }

  /** A stored cluster (`serialize()`), or the plain form of this engine or an older one it runs. */
  static load(data: StoredCluster | SerializedCluster, clock: SandboxClock): Sandbox {
    // unpacked data is fresh and handed over as it is; a plain snapshot may be shared: copied
    return new Sandbox(Cluster.load(fromStored(data), { owned: isStored(data) }), clock);
  }

  /** The cluster as stored: plain JSON, packed (state/stored-cluster.ts). */
  serialize(): StoredCluster {
    return toStored(this.snapshot());
  }

  /** The cluster's plain snapshot, hosts included (what `serialize` packs). */
  snapshot(): SerializedCluster {
    const hosts: Record<string, SerializedHost> = {};
    const peers = this.peers();
    for (const [name, h] of Object.entries(this.hosts)) {
      const base = this.base(h.hostname, h.ip, peers, this.baseAt).nodes;
      const nodes = h.fs.toJSON().nodes;
      const changed: FileSystemJSON['nodes'] = {};
      for (const [path, node] of Object.entries(nodes)) if (!jsonEqual(node, base[path])) changed[path] = node;
      const removed = Object.keys(base).filter((path) => !(path in nodes));
      hosts[name] = { hostname: h.hostname, ip: h.ip, baseAt: this.baseAt, peers, changed, removed, services: h.services };
    }
    this.cluster.hosts = hosts;
    return this.cluster.serialize();
  }

  /** The shell environment commands see: time, hosts and the registered commands. */
  environment(): ShellEnvironment {
    const commands: Record<string, ExternalCommand> = hostCommands(this);
    return {
      now: () => this.clock.now(),
      sleep: async (ms: number) => {
        await this.clock.sleep(ms);
        this.cluster.step(this.clock.now());
      },
      hosts: this.hosts,
      commands,
      containerShell: containerShellFor(this),
    };
  }

  newSession(): ShellSession {
    return newShellSession({ host: 'master', user: 'student' });
  }

  /** Runs one command line in `session`, first bringing the cluster to the clock's time. */
  async run(session: ShellSession, line: string, sink?: OutputSink, opts: RunOptions = {}): Promise<{ result: RunResult; session: ShellSession }> {
    this.cluster.step(this.clock.now());
    const shell = new Shell(this.environment(), session);
    const result = await shell.run(line, sink, opts);
    this.cluster.settle();
    return { result, session: shell.session };
  }

  /** the cluster's creation time: every host's base file system is made then */
  private get baseAt(): number {
    return this.cluster.config.start;
  }

  /**
   * The fresh file system a host was made with, made once per sandbox and what it is made from:
   * every stored state is a difference from it.
   * Never handed out to be changed (FileSystem.fromJSON copies the nodes it is given).
   */
  private base(hostname: string, ip: string, peers: { name: string; ip: string }[], at: number): BaseFileSystem {
    const key = JSON.stringify([ip, peers, at]);
    let base = this.bases.get(hostname);
    if (base?.key !== key) {
      const nodes = newHostState(hostname, ip, peers, at).fs.toJSON().nodes;
      base = { key, nodes };
      this.bases.set(hostname, base);
    }
    return base;
  }

  private peers(): { name: string; ip: string }[] {
    return Object.values(this.cluster.runtime.machines).map((m) => ({ name: m.name, ip: m.ip }));
  }

  private initHosts(): void {
    for (const m of Object.values(this.cluster.runtime.machines)) this.hosts[m.name] = newHostState(m.name, m.ip, this.peers(), this.baseAt);
    if (this.cluster.config.shape === 'bare') for (const h of Object.values(this.hosts)) prepareBareHost(h, this.baseAt);
    if (this.cluster.runtime.apiServerUp) this.writeAdminKubeconfig();
  }

  /** What kubeadm init leaves on master, and the student's copy from the kubeadm instructions. */
  writeAdminKubeconfig(): void {
    const master = this.hosts.master;
    if (!master) return;
    const now = this.cluster.now;
    const text = adminKubeconfig(this.cluster.runtime.apiServerEndpoint);
    const fs = master.fs;
    for (const d of ['/etc/kubernetes', '/etc/kubernetes/manifests', '/etc/kubernetes/pki']) if (!fs.exists(d)) fs.mkdir(d, { owner: 'root', mode: 0o755, now });
    fs.write('/etc/kubernetes/admin.conf', text, { owner: 'root', mode: 0o600, now });
    if (!fs.exists('/home/student/.kube')) fs.mkdir('/home/student/.kube', { owner: 'student', mode: 0o755, now });
    fs.write('/home/student/.kube/config', text, { owner: 'student', mode: 0o600, now });
  }
}
