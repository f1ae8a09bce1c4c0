import { AlignRight, DESCRIBE_TABWRITER, DiscardEmptyColumns, GET_TABWRITER, RememberWidths, TabWriter, tabwrite } from './tabwriter';

// Cases from Go's text/tabwriter test table (expected outputs of the Go implementation).
const cases: [string, number, number, number, string, number, string, string][] = [
  ['empty', 8, 0, 1, '.', 0, '', ''],
  ['newlines only', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['no tabs', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['lone tab on last line', 8, 0, 1, '.', 0, '\t', ''],
  ['lone tab right-aligned', 8, 0, 1, '.', AlignRight, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5d', 8, 0, 1, '.', AlignRight, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c formfeed flushes', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11 runes',
    8, 0, 1, '.', 0,
    '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  ],
  [
    '12a align right',
    8, 0, 1, ' ', AlignRight,
    'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
  ],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  [
    '13a column blocks',
    4, 0, 1, '-', 0,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  [
    '13b',
    4, 0, 3, '.', 0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  ],
  [
    '13c tab padding',
    8, 8, 1, '\t', 0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444\t\t333\t22\t1\t333\n999999999\t22\n7\t\t22\n\t\t\t\t88888888\n\n666666\t666666\t666666\t\t4444\n1\t1\t999999999\t0000000000\n',
  ],
  [
    '14 numbers right-aligned',
    1, 0, 2, ' ', AlignRight,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3',
  ],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b hard tabs not discarded', 4, 0, 0, '.', DiscardEmptyColumns, 'a\t\tb', 'a.......b'],
  ['15c soft tabs discarded', 4, 0, 0, '.', DiscardEmptyColumns, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', AlignRight | DiscardEmptyColumns, 'a\v\vb', '...ab'],
  [
    '16b',
    100, 100, 0, '\t', DiscardEmptyColumns,
    'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
];

describe('tabwrite (Go text/tabwriter)', () => {
  it.each(cases)('%s', (_name, minwidth, tabwidth, padding, padchar, flags, src, expected) => {
    expect(tabwrite(src, { minwidth, tabwidth, padding, padchar, flags })).toBe(expected);
  });

  it('gives the same result when written piecewise', () => {
    for (const [, minwidth, tabwidth, padding, padchar, flags, src, expected] of cases) {
      const w = new TabWriter({ minwidth, tabwidth, padding, padchar, flags });
      for (const ch of src) w.write(ch);
      expect(w.flush()).toBe(expected);
    }
  });

  it('formats a kubectl get table: min width 6, padding 3, last column unpadded', () => {
    const src = 'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb\t1/1\tRunning\t0\t5s\n';
    expect(tabwrite(src, GET_TABWRITER)).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5s\n');
  });

  it('aligns describe fields per contiguous block only', () => {
    const src = 'Name:\tnginx\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tnginx\n';
    expect(tabwrite(src, DESCRIBE_TABWRITER)).toBe('Name:       nginx\nNamespace:  default\nContainers:\n  c:\n    Image:  nginx\n');
  });

  it('remembers widths across flushes (liggitt/tabwriter TestMultiWrite)', () => {
    const w = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });
    let out = w.write('First\tMiddle\tLast\na\tbb\tccc\nddd\teeeeeeeeeeeeee\tf\n').flush();
    expect(out).toBe('First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n');
    out = w.write('g\th\ti\n').flush();
    expect(out).toBe('g       h                i\n');
    out = w.write('j\t\t\n').flush() + w.write('\tk\t\n').flush() + w.write('\t\tl\n').flush();
    expect(out).toBe('j                        \n        k                \n                         l\n');
    expect(w.rememberedWidths()).toEqual([8, 17]);
    w.setRememberedWidths([]);
    expect(w.write('a\tb\n').flush()).toBe('a     b\n');
  });
});
