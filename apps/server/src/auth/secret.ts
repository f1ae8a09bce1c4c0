// The server secret (CSRF token HMAC): KUBEAULA_SECRET, or a random one created on first start
// in a file beside the database, so every process on that database shares it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config';

export function serverSecret(config: Pick<AppConfig, 'auth' | 'databaseFile'>): string {
  if (config.auth.secret) return config.auth.secret;
  const file = path.join(path.dirname(config.databaseFile), 'kubeaula.secret');
  try {
    // 'wx' fails when the file exists: the first process to start writes it, the others read it.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
