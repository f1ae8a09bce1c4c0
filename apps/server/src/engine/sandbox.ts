// A student's sandbox: the simulated cluster, its hosts (master, node1, node2 with their files)
// and the commands the shell offers on them. Every door (CLI, web terminal, Discord, REST) runs
// command lines through a Sandbox; what differs is only its clock.

import { Cluster, CreateClusterInput } from './cluster';
import { SerializedCluster, StoredCluster } from './cluster-state';
import { fromStored, isStored, toStored } from './state/stored-cluster';
import { shareParts } from './state/shared-objects';
import { FileSystem, FileSystemJSON } from './shell/filesystem';
import { jsonEqual } from './api/json-equal';
import { hostBase, newHostState } from './shell/hosts';
import { Shell } from './shell/shell';
import { ExternalCommand, HostState, OutputSink, RunOptions, RunResult, ShellEnvironment, ShellSession } from './shell/types';
import { newShellSession } from './shell/session';
import { hostCommands } from './host-commands';
import { containerShellFor } from './containers/interactive';
import { materializeNodeWrites } from './containers/materialize-writes';
import { adminKubeconfig } from './bootstrap/kubeconfig';
import { writeControlPlaneFiles, writeNodeFiles } from './install/kubeadm/control-plane-files';
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
 * (the base, shared in memory by every host made alike, is not stored), so that a cluster's
 * state stays small.
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

export class Sandbox {
  readonly hosts: Record<string, HostState>;

  private constructor(
    readonly cluster: Cluster,
    readonly clock: SandboxClock,
  ) {
    this.hosts = {};
    const saved = cluster.hosts as Record<string, SerializedHost>;
    if (Object.keys(saved).length) {
      for (const [name, h] of Object.entries(saved)) {
        const fs = FileSystem.over(hostBase(h.hostname, h.peers), h.baseAt);
        fs.applyChanges(h.changed, h.removed);
        this.hosts[name] = { hostname: h.hostname, ip: h.ip, fs, services: h.services };
      }
      cluster.hosts = {}; // read once: `snapshot` makes them anew
    } else {
      this.initHosts();
    }
    // the kubelet sets up hostPath volumes on the machines' own files
    cluster.nodeFiles = (node) => this.hosts[node]?.fs;
  }

  static create(input: CreateClusterInput, clock?: SandboxClock): Sandbox {
    // no one watched the installation: its writes were kept in no watch log (store.retainLog)
    return new Sandbox(Cluster.create(input), clock ?? new VirtualClock(input.start));
  }

  /** A stored cluster (`serialize()`), or the plain form of this engine or an older one it runs. */
  static load(data: StoredCluster | SerializedCluster, clock: SandboxClock): Sandbox {
    // unpacked data is fresh and handed over as it is; a plain snapshot may be shared: copied
    const owned = isStored(data);
    const snapshot = fromStored(data);
    // the objects' equal parts are shared with every other loaded cluster (frozen)
    if (owned) for (const entry of snapshot.objects) entry[1] = shareParts(entry[1]);
    return new Sandbox(Cluster.load(snapshot, { owned }), clock);
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
      const { changed, removed } = h.fs.changesFrom(hostBase(h.hostname, peers), this.baseAt, jsonEqual);
      hosts[name] = { hostname: h.hostname, ip: h.ip, baseAt: this.baseAt, peers, changed, removed, services: h.services };
    }
    // handed to the cluster's snapshot only: a resident cluster does not keep them
    this.cluster.hosts = hosts;
    try {
      return this.cluster.serialize();
    } finally {
      this.cluster.hosts = {};
    }
  }

  /**
   * The shell environment commands see: time, hosts and the registered commands. Made once per
   * sandbox (its commands read the sandbox's state when they run, not when they are made).
   */
  environment(): ShellEnvironment {
    return (this.env ??= this.makeEnvironment());
  }

  private env: ShellEnvironment | undefined;

  private makeEnvironment(): ShellEnvironment {
    const commands: Record<string, ExternalCommand> = hostCommands(this);
    return {
      now: () => this.clock.now(),
      sleep: async (ms: number) => {
        await this.clock.sleep(ms);
        this.cluster.step(this.clock.now());
      },
      hosts: this.hosts,
      commands,
      random: () => this.cluster.rng.nextUint32(),
      containerShell: containerShellFor(this),
    };
  }

  newSession(): ShellSession {
    return newShellSession({ host: 'master', user: 'student' });
  }

  /** Runs one command line in `session`, first bringing the cluster to the clock's time. */
  async run(session: ShellSession, line: string, sink?: OutputSink, opts: RunOptions = {}): Promise<{ result: RunResult; session: ShellSession }> {
    this.cluster.step(this.clock.now());
    // what pods have written on their nodes' disks by now, for a command that reads them there: a
    // line on a node, or one that goes there by ssh (kubectl exec and a request to a web server
    // bring their pod's files up to date themselves; checking every pod on every line cost the
    // lesson mix 7 % of its CPU)
    if (session.host !== 'master' || line.includes('ssh')) materializeNodeWrites(this.cluster, this.hosts);
    const shell = new Shell(this.environment(), session);
    const result = await shell.run(line, sink, opts);
    this.cluster.settle();
    return { result, session: shell.session };
  }

  /** the cluster's creation time: every host's base file system is made then */
  private get baseAt(): number {
    return this.cluster.config.start;
  }

  private peers(): { name: string; ip: string }[] {
    return Object.values(this.cluster.runtime.machines).map((m) => ({ name: m.name, ip: m.ip }));
  }

  private initHosts(): void {
    for (const m of Object.values(this.cluster.runtime.machines)) this.hosts[m.name] = newHostState(m.name, m.ip, this.peers(), this.baseAt);
    if (this.cluster.config.shape === 'bare') for (const h of Object.values(this.hosts)) prepareBareHost(h, this.baseAt);
    if (this.cluster.runtime.apiServerUp) this.writeInstalledClusterFiles();
  }

  /** What kubeadm init and join leave on the hosts (install/kubeadm/control-plane-files.ts), and the student's copy of admin.conf from the kubeadm instructions. */
  writeInstalledClusterFiles(): void {
    const master = this.hosts.master;
    if (!master) return;
    const now = this.cluster.now;
    const { apiServerEndpoint: endpoint, machines } = this.cluster.runtime;
    const fs = master.fs;
    writeControlPlaneFiles(fs, endpoint, machines.master?.staticPods ?? [], now);
    for (const [name, host] of Object.entries(this.hosts)) if (name !== 'master' && machines[name]?.joined) writeNodeFiles(host.fs, endpoint, now);
    if (!fs.exists('/home/student/.kube')) fs.mkdir('/home/student/.kube', { owner: 'student', mode: 0o755, now });
    fs.write('/home/student/.kube/config', adminKubeconfig(endpoint), { owner: 'student', mode: 0o600, now });
  }
}
