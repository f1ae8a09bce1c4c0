import { DESCRIBE_TABWRITER, tabwrite as goTabwrite } from '../tabwriter';
import { PrefixWriter } from './describe-writer';

const tabwrite = (text: string): string => goTabwrite(text, DESCRIBE_TABWRITER);

describe('describe alignment: the shared tabwriter with kubectl describe settings', () => {
  test.each([
    ['no tabs pass through', 'a\nbb\n', 'a\nbb\n'],
    ['one column aligned to the widest cell + 2', 'Name:\tx\nNamespace:\ty\n', 'Name:       x\nNamespace:  y\n'],
    ['the last cell of a line is never padded', 'a\tb\tc\naaaa\tb\n', 'a     b  c\naaaa  b\n'],
    [
      'a line without a tab ends the block',
      'Name:\tx\nContainers:\n  c:\n    Image:\tnginx\n',
      'Name:  x\nContainers:\n  c:\n    Image:  nginx\n',
    ],
    [
      'a deeper column only spans lines that have it',
      'a\tb\tc\naaa\tb\nx\tyyyy\tz\n',
      'a    b  c\naaa  b\nx    yyyy  z\n',
    ],
    ['empty cells are padded too', 'Medium:\t\nSizeLimit:\t<unset>\n', 'Medium:     \nSizeLimit:  <unset>\n'],
    ['a trailing tab pads the last line', 'Node Affinity:\t\n', 'Node Affinity:  \n'],
    ['text without a final newline is flushed as is', 'a\tb\nccc\td', 'a    b\nccc  d'],
    ['width counts runes, not UTF-16 units', 'ñandú:\tx\nab:\ty\n', 'ñandú:  x\nab:     y\n'],
    ['empty input', '', ''],
  ])('%s', (_name, input, output) => {
    expect(tabwrite(input)).toBe(output);
  });

  test('PrefixWriter.flush aligns what follows on its own', () => {
    const w = new PrefixWriter();
    w.write(0, 'Tolerations:\t<none>\n');
    w.flush();
    w.write(0, 'Events:\t<none>\n');
    expect(w.toString()).toBe('Tolerations:  <none>\nEvents:  <none>\n');
  });

  test('PrefixWriter escapes ESC and CR as kubectl does', () => {
    const w = new PrefixWriter();
    w.write(0, 'Message:\t\x1b[31mred\r\n');
    expect(w.toString()).toBe('Message:  ^[[31mred\\r\n');
  });

  test('PrefixWriter levels indent two spaces each, on the first line only', () => {
    const w = new PrefixWriter();
    w.write(2, 'Type:\tHostPath\n    Path:\t/srv\n');
    w.writeLine('<none>');
    expect(w.toString()).toBe('    Type:  HostPath\n    Path:  /srv\n<none>\n');
  });
});
