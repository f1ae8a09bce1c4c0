// The `kubeaula` command-line tools (a stable contract: see README):
//   kubeaula shell [--shape S] [--seed N] [--workspace DIR]   an interactive sandbox, real time
//   kubeaula run FILE|- [options]                              a script on a fresh cluster, virtual time

import { parseArgs } from 'node:util';
import { runAdminCommand } from './admin-command';
import { runScriptCommand } from './run-command';
import { runShellCommand } from './shell-command';

const USAGE = `usage: kubeaula <command> [options]

Commands:
  shell     an interactive sandbox on a local simulated cluster (real time)
  run       run a script of commands on a fresh simulated cluster (virtual time)
  serve     start the server and dashboard (npm start)
  admin     create the first instructor, reset a password

Run "kubeaula <command> --help" for its options.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runScriptCommand(rest);
    case 'shell':
      return runShellCommand(rest);
    case 'admin':
      return runAdminCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kubeaula: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

export { parseArgs };
