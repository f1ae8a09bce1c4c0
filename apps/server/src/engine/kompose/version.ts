// The kompose release this simulation answers as. `kompose version` prints VERSION (GITCOMMIT);
// convert stamps the same string in the `kompose.version` annotation (kompose runs its own
// `kompose version` to fill it). 1.38.0 release binaries print `1.38.0 (a8f5d1cbd)`.

export const KOMPOSE_VERSION = '1.38.0';
export const KOMPOSE_GIT_COMMIT = 'a8f5d1cbd';

/** what `kompose version` prints, without the newline */
export function komposeVersionString(): string {
  return `${KOMPOSE_VERSION} (${KOMPOSE_GIT_COMMIT})`;
}
