// Which programs an image has on its PATH (for `kubectl exec`), and its shell's flavour: BusyBox
// in busybox and alpine, dash as `sh` in Debian-based images, none in distroless ones.

import type { ImageInfo } from '../images/catalog';

export type ShellFlavor = 'busybox' | 'dash' | 'none';

const BUSYBOX = [
  'sh', 'ash', 'ls', 'cat', 'echo', 'env', 'printenv', 'hostname', 'wget', 'nslookup', 'ping', 'ps', 'top', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv',
  'grep', 'egrep', 'sed', 'awk', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'date', 'sleep', 'id', 'whoami', 'df', 'du', 'find', 'xargs', 'vi',
  'true', 'false', 'test', '[', 'printf', 'pwd', 'uname', 'which', 'nc', 'telnet', 'ip', 'ifconfig', 'route', 'netstat', 'kill', 'mount', 'chmod',
  'chown', 'ln', 'readlink', 'basename', 'dirname', 'tee', 'seq', 'expr', 'base64', 'md5sum', 'sha256sum', 'gzip', 'tar', 'free', 'uptime', 'stat',
  'more', 'less', 'clear', 'yes', 'nproc', 'rev', 'dd',
];

// slim Debian images lack procps: no ps, and no kill program (the shells' kill builtin remains)
const DEBIAN = [
  'sh', 'bash', 'dash', 'ls', 'cat', 'echo', 'env', 'printenv', 'hostname', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'grep', 'egrep', 'sed', 'awk',
  'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'date', 'sleep', 'id', 'whoami', 'df', 'du', 'find', 'xargs', 'true', 'false', 'test', '[',
  'printf', 'pwd', 'uname', 'which', 'mount', 'chmod', 'chown', 'ln', 'readlink', 'basename', 'dirname', 'tee', 'seq', 'expr', 'base64',
  'md5sum', 'sha256sum', 'gzip', 'tar', 'stat', 'more', 'clear', 'yes', 'nproc', 'rev', 'getent', 'dd',
];

/** extra programs per repository (nginx ships curl; the dnsutils image dig and nslookup) */
const EXTRA: Record<string, string[]> = {
  nginx: ['nginx', 'curl'],
  httpd: ['httpd', 'apachectl'],
  redis: ['redis-server', 'redis-cli'],
  mariadb: ['mariadb', 'mariadbd', 'mysql', 'mysqld'],
  mysql: ['mysql', 'mysqld'],
  postgres: ['psql', 'postgres'],
  php: ['php'],
  wordpress: ['php'],
  node: ['node', 'npm'],
  python: ['python', 'python3', 'pip'],
  ubuntu: ['apt', 'apt-get'],
  debian: ['apt', 'apt-get'],
  alpine: ['apk'],
  'curlimages/curl': ['curl'],
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': ['dig', 'nslookup', 'host', 'curl', 'wget'],
  'registry.k8s.io/e2e-test-images/agnhost': ['agnhost', 'curl', 'dig', 'nslookup'],
  'gcr.io/google-samples/hello-frontend': ['nginx', 'curl'],
};

export function shellFlavor(image: ImageInfo): ShellFlavor {
  if (!image.shells.length) return 'none';
  return image.shells.includes('bash') ? 'dash' : 'busybox';
}

/** The programs on the image's PATH. */
export function imageTools(image: ImageInfo): Set<string> {
  const flavor = shellFlavor(image);
  const base = flavor === 'none' ? [] : flavor === 'busybox' ? BUSYBOX : DEBIAN;
  const alpineVariant = /alpine/.test(image.tag) && flavor === 'busybox';
  const extra = EXTRA[image.repo] ?? [];
  // alpine variants of Debian images keep their own programs on BusyBox
  return new Set([...base, ...extra, ...(alpineVariant ? ['apk'] : []), ...image.shells]);
}
