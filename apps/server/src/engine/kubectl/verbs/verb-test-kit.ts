// Test support for the verb tests: a fresh sandbox on a kubeadm cluster at 2026-01-01 and a
// shell session that keeps its state across command lines (virtual time: `sleep` is instant).

import { Sandbox } from '../../sandbox';
import { ShellSession } from '../../shell/types';
import { prompt } from '../../shell/session';

/** Date.UTC(2026, 0, 1) */
export const T0 = 1767225600000;

export interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Kit {
  sandbox: Sandbox;
  /** runs one command line (not as a TTY) */
  sh(line: string): Promise<Out>;
  /** runs several lines, failing the test if any fails */
  setup(...lines: string[]): Promise<void>;
}

export function newKit(): Kit {
  const sandbox = Sandbox.create({ seed: 1, start: T0 });
  let session: ShellSession = sandbox.newSession();
  const sh = async (line: string): Promise<Out> => {
    const { result, session: next } = await sandbox.run(session, line, undefined, { isTTY: false });
    session = next;
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  };
  return {
    sandbox,
    sh,
    async setup(...lines: string[]) {
      for (const line of lines) {
        const r = await sh(line);
        if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.stderr}`);
      }
    },
  };
}

/**
 * A terminal on the kit's sandbox, as a student types at one: each line runs as a TTY in a session
 * of its own (kubectl exec -it and run -it attach there), with the prompt the session then shows.
 */
export function terminal(kit: Kit): (line: string) => Promise<Out & { prompt: string }> {
  let session: ShellSession = kit.sandbox.newSession();
  return async (line) => {
    const { result, session: next } = await kit.sandbox.run(session, line, undefined, { isTTY: true });
    session = next;
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, prompt: prompt(session) };
  };
}
