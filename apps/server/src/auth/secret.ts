// The server secret (CSRF token HMAC): KUBEAULA_SECRET, or a random one created on first start
// in a file beside the database, so every process on that database shares it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config';

export function serverSecret(config: Pick<AppConfig, 'auth' | 'databaseFile'>): string {
  if (config.auth.secret) return config.auth.secret;
  const file = path.join(path.dirname(config.databaseFile), 'kubeaula.secret');
  if (!fs.existsSync(file)) {
    // written whole under a private name, then linked into place: link fails when the file exists,
    // so the first process to start wins and no process ever reads a half-written secret
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
