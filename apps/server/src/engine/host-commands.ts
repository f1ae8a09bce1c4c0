// The programs installed on the sandbox's hosts beyond the shell's own utilities: kubectl and
// the node services. Each is an ExternalCommand adapter over the engine.

import type { Sandbox } from './sandbox';
import type { ExternalCommand } from './shell/types';
import { runKubectl } from './kubectl/kubectl';
import { systemctlCommand } from './host/systemctl';
import { komposeCommand } from './kompose/kompose-command';
import { installCommands, requireInstalled } from './install/install-commands';
import { hostNetCommands } from './containers/host-net-commands';

export function hostCommands(sandbox: Sandbox): Record<string, ExternalCommand> {
  const kubectl: ExternalCommand = (ctx) =>
    runKubectl(ctx.argv.slice(1), {
      cluster: sandbox.cluster,
      stdin: ctx.stdin,
      out: ctx.stdout,
      err: ctx.stderr,
      fs: ctx.fs,
      env: ctx.env,
      user: ctx.user,
      host: ctx.host,
      isTTY: ctx.isTTY,
      signal: ctx.signal,
      now: () => sandbox.clock.now(),
      sleep: async (ms) => {
        await sandbox.clock.sleep(ms);
      },
      virtualTime: sandbox.clock.virtual,
      hosts: sandbox.hosts,
      attachContainer: ctx.attachContainer,
    });
  const install = installCommands(sandbox);
  return {
    ...install,
    ...hostNetCommands(sandbox, install),
    kubectl: requireInstalled('kubectl', kubectl),
    systemctl: systemctlCommand(sandbox),
    kompose: komposeCommand(sandbox),
  };
}
