// Shell builtins: run inside the shell and may change its state. Checked before anything else.

import type { Registry } from '../command-registry';
import { MISC_BUILTINS } from '../utils/misc';
import { IDENTITY_BUILTINS } from './identity';
import { STATE_BUILTINS } from './state-builtins';
import { VARIABLE_BUILTINS } from './variable-builtins';

export const SHELL_BUILTINS: Registry = { ...STATE_BUILTINS, ...VARIABLE_BUILTINS, ...IDENTITY_BUILTINS, ...MISC_BUILTINS };
