import { isImageReference, normalizedNameError } from './image-ref';

// The kubelet's reading of an image name (distribution/reference v0.6.0 ParseNormalizedNamed):
// what it refuses shows as InvalidImageName with these words.
describe('normalizedNameError', () => {
  it.each(['nginx', 'nginx:1.25', 'library/nginx', 'docker.io/library/nginx:1.25', 'index.docker.io/nginx', 'registry.k8s.io/pause:3.10', 'localhost:5000/app:v1', 'bitnami/redis:7', `busybox@sha256:${'a'.repeat(64)}`, 'nginx:Latest'])('accepts %s', (image) => {
    expect(normalizedNameError(image)).toBeUndefined();
  });

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['NGINX:1.25', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['bitnami/Redis', 'invalid reference format: repository name (bitnami/Redis) must be lowercase'],
    ['quay.io/org/App:1', 'invalid reference format: repository name (org/App) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx::1', 'invalid reference format'],
    ['ngin x', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`nginx@sha256:${'a'.repeat(40)}`, 'invalid checksum digest length'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`${'a'.repeat(250)}/x`, 'repository name must not be more than 255 characters'],
  ])('refuses %s: %s', (image, message) => {
    expect(normalizedNameError(image)).toBe(message);
  });

  it('refuses what kubectl run refuses, for names without capitals', () => {
    for (const image of ['nginx:', 'a b', 'nginx:1.25:x', 'x/', '/x', 'nginx@']) {
      expect(isImageReference(image)).toBe(false);
      expect(normalizedNameError(image)).toBe('invalid reference format');
    }
  });
});
