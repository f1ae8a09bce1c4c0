// The server's limits on what reaches a cluster (README's limits table mirrors these).

/** Longest command line accepted at any door, in characters. */
export const MAX_COMMAND_LENGTH = 10_000;
/** Stored output per stream and command; beyond it the stored copy is cut and marked. */
export const MAX_STORED_OUTPUT = 64 * 1024;
/** Output returned to a door that cannot stream (REST), per stream. */
export const MAX_RETURNED_OUTPUT = 1024 * 1024;
/** Command lines kept in a shell session's history. */
export const MAX_HISTORY = 500;
/** Snapshots per cluster. */
export const MAX_SNAPSHOTS = 20;

export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  return { text: text.slice(0, max), truncated: true };
}
/** Largest workspace file written through a door, in bytes (UTF-8). */
export const MAX_FILE_BYTES = 64 * 1024;
/** Files in one host's workspace (the student's home). */
export const MAX_WORKSPACE_FILES = 200;
