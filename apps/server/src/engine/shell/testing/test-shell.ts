// Test doubles for the shell: a fixed clock that `sleep` advances, the default hosts, a fake
// kubectl and a fake systemctl (a test double only: the real one is registered by others).

import { defaultHosts } from '../hosts';
import { Shell } from '../shell';
import type { ExternalCommand, RunResult, ShellEnvironment } from '../types';

/** 2026-01-01T00:00:00Z */
export const T0 = 1767225600000;

/** `kubectl get pods`-shaped output, whatever the arguments */
export const fakeKubectl: ExternalCommand = (ctx) => {
  if (ctx.argv[1] !== 'get') {
    ctx.stderr(`error: unknown command "${ctx.argv[1] ?? ''}" for "kubectl"\n`);
    return 1;
  }
  ctx.stdout('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\nweb-2   1/1     Running   0          5m\ndb-0    0/1     Pending   0          5m\n');
  return 0;
};

/** a stand-in systemctl: `systemctl is-active kubelet` reads the host's services record */
export const fakeSystemctl: ExternalCommand = (ctx) => {
  const [verb, unit] = ctx.argv.slice(1);
  const state = (ctx.hostState.services[unit ?? ''] as string | undefined) ?? 'inactive';
  if (verb === 'is-active') {
    ctx.stdout(`${state}\n`);
    return state === 'active' ? 0 : 3;
  }
  if (verb === 'start' || verb === 'restart') {
    if (ctx.user !== 'root') {
      ctx.stderr(`Failed to ${verb} ${unit}.service: Access denied\n`);
      return 1;
    }
    ctx.hostState.services[unit ?? ''] = 'active';
    return 0;
  }
  return 1;
};

export interface TestRig {
  shell: Shell;
  env: ShellEnvironment;
  clock: { now: number };
  /** runs a line with a non-TTY stdout, as Discord or a script would see it */
  run(line: string): Promise<RunResult>;
}

export function testRig(commands: Record<string, ExternalCommand> = { kubectl: fakeKubectl, systemctl: fakeSystemctl }): TestRig {
  const clock = { now: T0 };
  const env: ShellEnvironment = {
    now: () => clock.now,
    sleep: (ms) => {
      clock.now += ms;
    },
    hosts: defaultHosts(T0 - 86_400_000),
    commands,
    random: seededRandom(1),
  };
  const shell = new Shell(env);
  return { shell, env, clock, run: (line) => shell.run(line, undefined, { isTTY: false }) };
}

/** a small deterministic generator for tests (xorshift32) */
function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/**
 * Runs the lines one after another and returns what they printed, line by line, each command's
 * errors before its output (a transcript compared with bash's must keep to lines that write
 * their error first, or only one of the two)
 */
export async function transcript(rig: TestRig, script: readonly string[]): Promise<string[]> {
  let out = '';
  for (const line of script) {
    const r = await rig.run(line);
    out += r.stderr + r.stdout;
  }
  return out.split('\n').filter(Boolean);
}
