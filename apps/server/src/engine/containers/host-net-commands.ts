// curl, wget, nslookup and dig on the sandbox's hosts (master, node1, node2): kube-proxy runs on
// every node, so ClusterIPs and NodePorts answer there; the hosts' resolver knows the machines
// (/etc/hosts) but not the cluster's DNS names. Addresses the installation downloads from are
// left to `fallback` (the install engineer's curl for known files).

import type { Sandbox } from '../sandbox';
import type { CommandContext, ExternalCommand } from '../shell/types';
import { Origin, isIp } from './network';
import { ToolIo, curl, dig, nslookup, wget } from './net-tools';

function origin(sandbox: Sandbox, ctx: CommandContext): Origin {
  const m = sandbox.cluster.runtime.machines[ctx.host];
  return { kind: 'host', node: ctx.host, ip: m?.ip ?? ctx.hostState.ip, hosts: sandbox.hosts };
}

/** the machines' names as their /etc/hosts lists them, replaced by their IPs */
function withMachineIps(sandbox: Sandbox, argv: string[]): string[] {
  const machines = Object.values(sandbox.cluster.runtime.machines);
  return argv.map((a, i) => {
    if (i === 0 || a.startsWith('-')) return a;
    return a.replace(/^((?:https?:\/\/)?)([^/:?#]+)/, (m, scheme: string, host: string) => {
      const found = machines.find((x) => x.name === host);
      return found ? `${scheme}${found.ip}` : m;
    });
  });
}

function toolIo(ctx: CommandContext, argv: string[]): ToolIo {
  return {
    argv,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    isTTY: ctx.isTTY,
    // a connection that times out waits in simulated time (the sandbox's sleep steps the cluster)
    sleep: ctx.sleep,
    signal: ctx.signal,
    writeFile: (path, content) => {
      try {
        ctx.fs.writeFile(path, content);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** URLs whose host is an address (or a machine name): the cluster network answers them */
function inCluster(sandbox: Sandbox, argv: string[]): boolean {
  const machines = new Set(Object.keys(sandbox.cluster.runtime.machines));
  const urls = argv.slice(1).filter((a) => !a.startsWith('-') && /^(https?:\/\/)?[^/\s]+/.test(a));
  return urls.some((u) => {
    const host = u.replace(/^\w+:\/\//, '').split(/[/:?#]/)[0];
    return isIp(host) || machines.has(host) || !host.includes('.');
  });
}

export function hostNetCommands(sandbox: Sandbox, fallback: Record<string, ExternalCommand | undefined>): Record<string, ExternalCommand> {
  const net = (run: (o: Origin, io: ToolIo) => number | Promise<number>, name: string): ExternalCommand => (ctx) => {
    const other = fallback[name];
    if (other && !inCluster(sandbox, ctx.argv)) return other(ctx);
    sandbox.cluster.step(ctx.now());
    const code = run(origin(sandbox, ctx), toolIo(ctx, withMachineIps(sandbox, ctx.argv)));
    if (typeof code !== 'number') {
      return code.then((c) => {
        sandbox.cluster.settle();
        return c;
      });
    }
    sandbox.cluster.settle();
    return code;
  };
  return {
    curl: net((o, io) => curl(sandbox.cluster, o, io, 'host'), 'curl'),
    wget: net((o, io) => wget(sandbox.cluster, o, io, 'host'), 'wget'),
    nslookup: net((o, io) => nslookup(sandbox.cluster, o, io, 'host'), 'nslookup'),
    dig: net((o, io) => dig(sandbox.cluster, o, io), 'dig'),
  };
}
