// What a MySQL or MariaDB server keeps in its data directory besides its own files, read by the
// entrypoint (database-files.ts) and the client (mysql-client.ts) alike: who owns what the server
// writes there, and the accounts, one line per account with the hash of its password
// (mysql_native_password's form, `*` and 40 hex digits), in the file the image's server keeps
// them in (MariaDB's mysql/global_priv.MAD, MySQL's mysql.ibd). The hash is the engine's stand-in
// for SHA1(SHA1(password)): the password itself is never stored.

import { fakeSha256 } from '../images/digest';
import type { DataDir } from '../images/catalog-types';
import type { DataPlace } from './data-place';

/** who owns the server's files: its user, which the node, having no such user, knows by number */
export function fileOwner(place: DataPlace, data: DataDir): string {
  return place.node ? data.uid : data.owner;
}

export interface Account {
  host: string;
  user: string;
  password: string;
  /** the one database an account other than root is granted (the entrypoint's MYSQL_DATABASE) */
  database?: string;
}

export function passwordHash(password: string): string {
  return password === '' ? '' : `*${fakeSha256(`mysql:${password}`).slice(0, 40).toUpperCase()}`;
}

export function accountsText(accounts: readonly Account[]): string {
  return accounts
    .map((a) => `${a.host}\t${a.user}\t{"plugin":"mysql_native_password","authentication_string":"${passwordHash(a.password)}"${a.database ? `,"grant":"${a.database}"` : ''}}\n`)
    .join('');
}

/** the accounts in the file: user → the hash of its password, and its database */
export function readAccounts(place: DataPlace, file: string): Map<string, { hash: string; database?: string }> {
  const out = new Map<string, { hash: string; database?: string }>();
  for (const line of (place.read(file) ?? '').split('\n')) {
    const m = /^[^\t]*\t([^\t]+)\t.*"authentication_string":"([^"]*)"(?:,"grant":"([^"]*)")?/.exec(line);
    if (m) out.set(m[1], { hash: m[2], ...(m[3] ? { database: m[3] } : {}) });
  }
  return out;
}
