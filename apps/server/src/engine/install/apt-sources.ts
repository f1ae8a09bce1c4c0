// The package repositories a host's apt knows from /etc/apt/sources.list(.d): Ubuntu's own, and
// the Kubernetes one either today's way (pkgs.k8s.io, signed by a keyring file) or the course's
// (apt.kubernetes.io, shut down in 2024; accepted here with a note, see docs/simplifications.md).

import type { UserFs } from '../shell/user-fs';

export const PKGS_KEY_ID = '234654DA9A296436';
export const PKGS_CDN = 'https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/v1.32/deb';
export const LEGACY_MIRROR = 'https://packages.cloud.google.com/apt';

export interface KubeSource {
  kind: 'pkgs' | 'legacy';
  /** the URL as written */
  url: string;
  /** pkgs: the keyring it names exists */
  signed: boolean;
}

const PKGS_URL = /^https?:\/\/pkgs\.k8s\.io\/core:\/stable:\/v1\.\d+\/deb\/?$/;
const LEGACY_URL = /^https?:\/\/(apt\.kubernetes\.io|packages\.cloud\.google\.com\/apt)\/?$/;

function listFiles(fs: UserFs): string[] {
  const files = fs.exists('/etc/apt/sources.list') ? ['/etc/apt/sources.list'] : [];
  try {
    for (const f of fs.readDir('/etc/apt/sources.list.d').sort()) if (f.endsWith('.list')) files.push(`/etc/apt/sources.list.d/${f}`);
  } catch {
    /* no directory */
  }
  return files;
}

/** The Kubernetes repositories configured on the host (first of each kind). */
export function kubeSources(fs: UserFs): KubeSource[] {
  const found: KubeSource[] = [];
  for (const file of listFiles(fs)) {
    let text = '';
    try {
      text = fs.readFile(file);
    } catch {
      continue;
    }
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line.startsWith('deb ')) continue;
      let rest = line.slice(4).trim();
      let signedBy: string | undefined;
      if (rest.startsWith('[')) {
        const end = rest.indexOf(']');
        const opts = rest.slice(1, end < 0 ? undefined : end);
        signedBy = /signed-by=(\S+)/.exec(opts)?.[1];
        rest = end < 0 ? '' : rest.slice(end + 1).trim();
      }
      const url = rest.split(/\s+/)[0] ?? '';
      if (PKGS_URL.test(url) && !found.some((s) => s.kind === 'pkgs')) found.push({ kind: 'pkgs', url, signed: !!signedBy && fs.exists(signedBy) });
      if (LEGACY_URL.test(url) && !found.some((s) => s.kind === 'legacy')) found.push({ kind: 'legacy', url, signed: true });
    }
  }
  return found;
}

/** apt's SizeToStr: 4865 B, 37.9 kB, 126 kB, 16.3 MB */
export function aptSize(bytes: number): string {
  let size = bytes;
  const units = ['', 'k', 'M', 'G', 'T'];
  for (let i = 0; i < units.length; i++) {
    if (size < 100 && i > 0) return `${size.toFixed(1)} ${units[i]}B`;
    if (size < 10000) return `${Math.round(size)} ${units[i]}B`;
    size /= 1000;
  }
  return `${Math.round(size)} TB`;
}
