// Workspace files: the student's home directory on a simulated host (master by default), read
// and written from outside the terminal (the REST API, the dashboard's editor, the bot). The
// files live in the cluster's state, so `kubectl apply -f` sees them; every write or delete is
// an Input, like a command.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import type { Sandbox } from '../engine/sandbox';
import { ClusterAccessService } from './cluster-access.service';
import { ClusterRunner } from './cluster-runner';
import { MAX_FILE_BYTES, MAX_WORKSPACE_FILES } from './limits';

export const HOME = '/home/student';
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
      const fs = hostFs(entry.sandbox, host);
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
      const fs = hostFs(entry.sandbox, host);
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
      const fs = hostFs(entry.sandbox, host);
      const now = entry.sandbox.cluster.now;
      if (!fs.exists(abs) && fs.walk(HOME).filter((p) => fs.isFile(p)).length >= MAX_WORKSPACE_FILES) {
        throw new AppError('PAYLOAD_TOO_LARGE', `A workspace holds at most ${MAX_WORKSPACE_FILES} files`);
      }
      if (fs.isDir(abs)) throw new AppError('CONFLICT', `${relative} is a directory`);
      // parents first, as `mkdir -p` would make them
      const parts = abs.split('/');
      for (let i = 4; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!fs.exists(dir)) fs.mkdir(dir, { owner: 'student', mode: 0o755, now });
        else if (!fs.isDir(dir)) throw new AppError('CONFLICT', `${dir.slice(HOME.length + 1)} is a file`);
      }
      fs.write(abs, content, { owner: 'student', mode: 0o644, now });
      return { input: { kind: 'file-write', at: new Date(this.clock.now()), door, actorId: user.id, payload: { host, path: relative, bytes } }, result: null };
    });
    return { version: c.version };
  }

  async delete(user: AuthUser, clusterId: string, relative: string, door: string, host = 'master'): Promise<void> {
    await this.access.check(user, clusterId, 'write');
    const abs = workspacePath(relative);
    await this.runner.mutate(clusterId, async (entry) => {
      const fs = hostFs(entry.sandbox, host);
      if (!fs.isFile(abs)) throw new AppError('NOT_FOUND', `No file ${relative}`);
      fs.remove(abs);
      return { input: { kind: 'file-delete', at: new Date(this.clock.now()), door, actorId: user.id, payload: { host, path: relative } }, result: null };
    });
  }
}

function hostFs(sandbox: Sandbox, host: string) {
  const h = sandbox.hosts[host];
  if (!h) throw new AppError('NOT_FOUND', `No host ${host} in this cluster`);
  if (!h.fs.isDir(HOME)) throw new AppError('NOT_FOUND', `No workspace on ${host}`);
  return h.fs;
}
