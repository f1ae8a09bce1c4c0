// gpg --dearmor, as the pkgs.k8s.io instructions use it to turn the armoured key into a keyring.

import type { ExternalCommand } from '../shell/types';
import { FsError } from '../shell/filesystem';

export const gpgCommand: ExternalCommand = (ctx) => {
  const args = ctx.argv.slice(1);
  let output: string | undefined;
  let dearmor = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dearmor' || args[i] === '--enarmor') dearmor = args[i] === '--dearmor';
    else if (args[i] === '-o' || args[i] === '--output') output = args[++i];
    else if (args[i].startsWith('--output=')) output = args[i].slice('--output='.length);
  }
  if (!dearmor) {
    ctx.stderr('gpg: WARNING: no command supplied.  Trying to guess what you mean ...\ngpg: no valid OpenPGP data found.\n');
    return 2;
  }
  if (!ctx.stdin.includes('-----BEGIN PGP')) {
    ctx.stderr('gpg: no valid OpenPGP data found.\ngpg: dearmoring failed: Unknown system error\n');
    return 2;
  }
  // the binary keyring: kept as text, nothing reads its bytes
  const keyring = `\u0099\u0001\r\u0004c\u0007\u00a1w${ctx.stdin.split('\n')[3] ?? ''}\n`;
  if (!output || output === '-') {
    ctx.stdout(keyring);
    return 0;
  }
  try {
    ctx.fs.writeFile(output, keyring, false, 0o644);
  } catch (e) {
    if (e instanceof FsError) {
      ctx.stderr(`gpg: can't create '${output}': ${e.code === 'EACCES' ? 'Permission denied' : 'No such file or directory'}\ngpg: dearmoring failed: ${e.code === 'EACCES' ? 'Permission denied' : 'No such file or directory'}\n`);
      return 2;
    }
    throw e;
  }
  return 0;
};
