// Test support for the verb tests: a fresh sandbox on a kubeadm cluster at 2026-01-01 and a
// shell session that keeps its state across command lines (virtual time: `sleep` is instant).

import { Sandbox } from '../../sandbox';
import { ShellSession } from '../../shell/types';

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
