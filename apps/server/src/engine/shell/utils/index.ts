// The utilities in /usr/bin. Commands registered by the environment (kubectl, curl, ...) take
// precedence over these, builtins over both.

import type { Registry } from '../command-registry';
import { IDENTITY_UTILS } from '../builtins/identity';
import { WHICH } from '../builtins/state-builtins';
import { AWK_UTILS } from './awk';
import { DD_UTILS } from './dd';
import { FILE_UTILS } from './files';
import { FIND_UTILS } from './find';
import { GREP_UTILS } from './grep';
import { KERNEL_UTILS } from './kernel';
import { LS_UTILS } from './ls';
import { MISC_UTILS } from './misc';
import { PATH_NAME_UTILS } from './path-names';
import { SED_UTILS } from './sed';
import { TEXT_UTILS } from './text';

export const UTILITIES: Registry = {
  ...FILE_UTILS,
  ...PATH_NAME_UTILS,
  ...FIND_UTILS,
  ...LS_UTILS,
  ...TEXT_UTILS,
  ...GREP_UTILS,
  ...KERNEL_UTILS,
  ...SED_UTILS,
  ...AWK_UTILS,
  ...MISC_UTILS,
  ...IDENTITY_UTILS,
  ...WHICH,
  ...DD_UTILS,
  less: FILE_UTILS.cat,
  more: FILE_UTILS.cat,
};
