// Workspace files: the student's home directory on a simulated host (master by default), read
// and written from outside the terminal (the REST API, the dashboard's editor, the bot). The
// files live in the cluster's state, so `kubectl apply -f` sees them; every write or delete is
// an Input, like a command.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { ClusterAccessService } from './cluster-access.service';
import { ENGINE_VERSION } from '../engine/cluster-state';
import { ClusterRunner } from './cluster-runner';
import { deleteWorkspaceFile, HOME, workspaceFs, writeWorkspaceFile } from './input-log';
import { MAX_FILE_BYTES, MAX_WORKSPACE_FILES } from './limits';

export { HOME };
const SEGMENT = /^[\w][\w.-]{0,99}$/;

export interface FileView {
  path: string;
  size: number;
  modifiedAt: string;
}

/** A path relative to the home directory, as given by a client: checked, then made absolute. */
export function workspacePath(relative: string): string {
  const parts = relative.split('/');
  if (relative.length > 255 || parts.length > 10 || !parts.every((p) => SEGMENT.test(p))) {
    throw new AppError('BAD_REQUEST', 'Invalid path', [{ path: 'path', message: 'a relative path of names made of letters, digits, . _ - (no .., at most 10 levels)' }]);
  }
  return `${HOME}/${relative}`;
}

@Injectable()
export class WorkspaceService {
  constructor(
    private readonly runner: ClusterRunner,
    private readonly access: ClusterAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, clusterId: string, host = 'master'): Promise<FileView[]> {
    await this.access.check(user, clusterId, 'read');
    return this.runner.read(clusterId, (entry) => {
      const fs = workspaceFs(entry.sandbox, host);
      return fs
        .walk(HOME)
        .filter((p) => fs.isFile(p))
        .map((p) => {
          const n = fs.stat(p)!;
          return { path: p.slice(HOME.length + 1), size: Buffer.byteLength(n.content ?? ''), modifiedAt: new Date(n.mtime).toISOString() };
        });
    });
  }

  async read(user: AuthUser, clusterId: string, relative: string, host = 'master'): Promise<{ path: string; content: string }> {
    await this.access.check(user, clusterId, 'read');
    const abs = workspacePath(relative);
    return this.runner.read(clusterId, (entry) => {
      const fs = workspaceFs(entry.sandbox, host);
      if (!fs.isFile(abs)) throw new AppError('NOT_FOUND', `No file ${relative}`);
      return { path: relative, content: fs.read(abs) };
    });
  }

  async write(user: AuthUser, clusterId: string, relative: string, content: string, door: string, host = 'master'): Promise<{ version: number }> {
    await this.access.check(user, clusterId, 'write');
    const abs = workspacePath(relative);
    const bytes = Buffer.byteLength(content);
    if (bytes > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A workspace file is at most ${MAX_FILE_BYTES} bytes`);
    const c = await this.runner.mutate(clusterId, async (entry) => {
      const fs = workspaceFs(entry.sandbox, host);
      if (!fs.exists(abs) && fs.walk(HOME).filter((p) => fs.isFile(p)).length >= MAX_WORKSPACE_FILES) {
        throw new AppError('PAYLOAD_TOO_LARGE', `A workspace holds at most ${MAX_WORKSPACE_FILES} files`);
      }
      writeWorkspaceFile(entry.sandbox, host, relative, content);
      // the content is in the payload: a replay writes it again
      return { input: { kind: 'file-write', at: new Date(this.clock.now()), door, actorId: user.id, payload: { e: ENGINE_VERSION, host, path: relative, bytes, content } }, replayable: true, result: null };
    });
    return { version: c.version };
  }

  async delete(user: AuthUser, clusterId: string, relative: string, door: string, host = 'master'): Promise<void> {
    await this.access.check(user, clusterId, 'write');
    workspacePath(relative);
    await this.runner.mutate(clusterId, async (entry) => {
      deleteWorkspaceFile(entry.sandbox, host, relative);
      return { input: { kind: 'file-delete', at: new Date(this.clock.now()), door, actorId: user.id, payload: { e: ENGINE_VERSION, host, path: relative } }, replayable: true, result: null };
    });
  }
}
