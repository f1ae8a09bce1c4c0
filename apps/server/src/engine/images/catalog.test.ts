import { imageIdOf, imageNameOf, lookupImage, pullDurationMs } from './catalog';
import { parseImageRef } from './image-ref';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx', 'latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25', 'nginx', '1.25'],
    ['hashicorp/http-echo', 'docker.io/hashicorp/http-echo:latest', 'hashicorp/http-echo', 'latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/pause', '3.10'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1', 'localhost:5000/app', 'v1'],
    ['docker.io/library/redis:7', 'docker.io/library/redis:7', 'redis', '7'],
  ])('%s', (raw, full, familiar, tag) => {
    const r = parseImageRef(raw);
    expect([r.full, r.familiar, r.tag]).toEqual([full, familiar, tag]);
  });
});

describe('lookupImage', () => {
  it.each([
    ['nginx', true, ''],
    ['nginx:1.27', true, ''],
    ['nginx:alpine', true, ''],
    ['nginx:1.999', false, 'tag'],
    ['nginxx', false, 'repository'],
    ['busybox:1.28', true, ''],
    ['mariadb:10.11', true, ''],
    ['mysql:8.0', true, ''],
    ['php:8.3-fpm', true, ''],
    ['php:apache', true, ''],
    ['k8s.gcr.io/busybox', true, ''],
    ['registry.k8s.io/kube-proxy:v1.32.5', true, ''],
    ['registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee', true, ''],
  ])('%s', (image, ok, reason) => {
    const r = lookupImage(image);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('gives stable digests, image names and pull times', () => {
    const r = lookupImage('nginx');
    if (!r.ok) throw new Error('nginx');
    expect(r.info.size).toBe(72950530);
    expect(imageIdOf(r.ref, r.info)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageIdOf(r.ref, r.info)).toBe(imageIdOf(r.ref, (lookupImage('nginx') as { info: typeof r.info }).info));
    expect(imageNameOf(r.ref)).toBe('docker.io/library/nginx:latest');
    expect(pullDurationMs(r.info.size)).toBe(3432);
  });

  it('php picks its flavour by tag', () => {
    const fpm = lookupImage('php:8.3-fpm');
    const apache = lookupImage('php:8.3-apache');
    const cli = lookupImage('php');
    expect(fpm.ok && fpm.info.run).toBe('server');
    expect(fpm.ok && fpm.info.ports).toEqual([9000]);
    expect(apache.ok && apache.info.ports).toEqual([80]);
    expect(cli.ok && cli.info.run).toBe('repl');
  });

  it('an image made unavailable fails like a missing one', () => {
    expect(lookupImage('nginx:1.27', ['nginx:1.27']).ok).toBe(false);
    expect(lookupImage('nginx:1.26', ['nginx:1.27']).ok).toBe(true);
  });
});

describe('the images of the k8s-website corpus', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '../../../../../../shared/corpus/k8s-website');
  const images = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/image:\s*["']?([^\s"']+)/g)) images.add(m[1]);
    }
  };
  if (fs.existsSync(root)) walk(root);
  const list = [...images].sort();
  (list.length ? it.each(list) : it.skip.each(['(../shared absent)']))('%s is in the catalog', (image) => {
    expect(lookupImage(image).ok).toBe(true);
  });
});
