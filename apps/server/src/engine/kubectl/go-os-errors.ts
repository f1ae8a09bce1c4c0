// Go's os errors for a file kubectl reads, in the words its messages print them.

import type { FsError, FsErrorCode } from '../shell/filesystem';

const STRERROR: Partial<Record<FsErrorCode, string>> = { ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory' };

/** os.ReadFile's error: the open that failed (`open P: ...`), or the read of a directory (`read P: is a directory`) */
export function readFileError(path: string, e: FsError): string {
  return e.code === 'EISDIR' ? `read ${path}: is a directory` : `open ${path}: ${STRERROR[e.code] ?? 'no such file or directory'}`;
}
