import fc from 'fast-check';
import { shareParts } from './shared-objects';

const pod = (uid: string) => ({
  metadata: { name: 'web', uid, labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }], tolerations: [{ key: 'a', operator: 'Exists' }] },
});

describe('shareParts', () => {
  it('shares equal parts between separate data and keeps what differs its own', () => {
    const a = shareParts(pod('u1'));
    const b = shareParts(pod('u2'));
    expect(b.spec).toBe(a.spec);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata).not.toBe(a.metadata);
    expect(b.metadata.uid).toBe('u2');
    expect(b).toEqual(pod('u2'));
  });

  it('freezes what it shares: a change in place throws instead of reaching the other owner', () => {
    const a = shareParts(pod('u3'));
    expect(() => {
      (a.spec.containers[0] as { image: string }).image = 'changed';
    }).toThrow(TypeError);
    expect(shareParts(pod('u4')).spec.containers[0].image).toBe('nginx:1.25');
  });

  it('never shares parts that serialize differently: key order, types', () => {
    const x = shareParts({ p: { a: 1, b: 2 }, q: [1, '1', true, null] });
    const y = shareParts({ p: { b: 2, a: 1 }, q: [1, 1, true, null] });
    expect(y.p).not.toBe(x.p);
    expect(Object.keys(y.p)).toEqual(['b', 'a']);
    expect(y.q).not.toBe(x.q);
    expect(JSON.stringify(y)).toBe('{"p":{"b":2,"a":1},"q":[1,1,true,null]}');
  });

  it('takes data already shared as it is', () => {
    const a = shareParts({ list: [{ x: 1 }, 'y'], o: { z: [1] } });
    expect(shareParts(a)).toBe(a);
    expect(shareParts({ again: a }).again).toBe(a);
  });

  it('keeps `__proto__` an own property, as JSON.parse makes it', () => {
    const v = shareParts(JSON.parse('{"x":{"__proto__":{"y":1}}}'));
    expect(Object.keys(v.x)).toEqual(['__proto__']);
    expect(JSON.stringify(v)).toBe('{"x":{"__proto__":{"y":1}}}');
  });

  it('gives back data equal to what it was given (any JSON)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(JSON.stringify(shareParts(JSON.parse(text)))).toBe(text);
      }),
    );
  });
});
