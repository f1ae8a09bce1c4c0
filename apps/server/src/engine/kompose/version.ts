// The kompose release this simulation answers as. `kompose version` prints VERSION (GITCOMMIT);
// convert stamps the same string in the `kompose.version` annotation (kompose runs its own
// `kompose version` to fill it). 1.37.0 builds seen in the wild print `(HEAD)` as the commit.

export const KOMPOSE_VERSION = '1.37.0';
export const KOMPOSE_GIT_COMMIT = 'HEAD';

/** what `kompose version` prints, without the newline */
export function komposeVersionString(): string {
  return `${KOMPOSE_VERSION} (${KOMPOSE_GIT_COMMIT})`;
}
