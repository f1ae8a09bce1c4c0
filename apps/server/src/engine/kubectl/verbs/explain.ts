// kubectl explain RESOURCE[.field...] [--recursive]: documentation generated from the v1.32
// OpenAPI descriptions (engine/api/schema).

import { ExplainError, explainArgument } from '../../api/schema';
import { CommandDef } from '../command';
import { CommandError } from '../context';

export const explainCommand: CommandDef = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: [{ name: 'recursive', type: 'bool' }, { name: 'api-version', type: 'string' }, { name: 'output', shorthand: 'o', type: 'string', default: 'plaintext' }],
  run(inv) {
    if (inv.args.length === 0) {
      throw new CommandError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    if (inv.args.length > 1) throw new CommandError('error: We accept only this format: explain RESOURCE');
    inv.connect();
    try {
      inv.out(explainArgument(inv.args[0], inv.flags.bool('recursive')));
      return 0;
    } catch (e) {
      if (e instanceof ExplainError) {
        if (e.stdout) inv.out(e.stdout);
        throw new CommandError(e.stderr);
      }
      throw e;
    }
  },
};
