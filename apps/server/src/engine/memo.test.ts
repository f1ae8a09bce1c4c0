import { remembered } from './memo';

describe('remembered', () => {
  it('makes each answer once, and starts again past its bound', () => {
    let made = 0;
    const path = remembered((c: string) => {
      made++;
      return `spec.containers{${c}}`;
    }, 2);
    expect(path('web')).toBe('spec.containers{web}');
    expect(path('web')).toBe(path('web'));
    expect(made).toBe(1);
    path('db');
    path('cache'); // a third name: the memo starts again
    path('web');
    expect(made).toBe(4);
  });

  it('remembers NaN answers too (a malformed timestamp is parsed once)', () => {
    let made = 0;
    const parse = remembered((s: string) => (made++, Number.parseFloat(s)));
    expect(parse('x')).toBeNaN();
    expect(parse('x')).toBeNaN();
    expect(made).toBe(1);
  });
});
