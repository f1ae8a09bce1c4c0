import { texts } from './i18n';
import { codeBlock, escapeCodeBlock, outputReply } from './reply';

const { en, es } = texts;

describe('escapeCodeBlock', () => {
  it.each([
    ['plain', 'plain'],
    ['a`b``c', 'a`b``c'],
    ['```', '`\u200b``'],
    ['````', '`\u200b`\u200b``'],
    ['x```yaml\n```', 'x`\u200b``yaml\n`\u200b``'],
  ])('%j', (input, expected) => {
    expect(escapeCodeBlock(input)).toBe(expected);
    expect(escapeCodeBlock(input)).not.toContain('```');
  });
});

describe('outputReply', () => {
  it('wraps output in a code block, adding the final newline', () => {
    expect(codeBlock('a\n')).toBe('```\na\n```');
    expect(codeBlock('a')).toBe('```\na\n```');
    expect(outputReply('ok\n', en)).toEqual({ content: '```\nok\n```', allowedMentions: { parse: [], repliedUser: false } });
    expect(outputReply('', en).content).toBe('(no output)');
    expect(outputReply('', es).content).toBe('(sin salida)');
    expect(outputReply('x\n', en, 'note').content).toBe('```\nx\n```\nnote');
  });

  it('attaches output that would pass 2,000 characters', () => {
    // the block adds 7 characters: three backticks and a newline before, three backticks after
    const fits = 'a'.repeat(2000 - 7 - 1) + '\n';
    expect(outputReply(fits, en).files).toBeUndefined();
    expect(outputReply(fits, en).content).toHaveLength(2000);
    const r = outputReply(fits + 'b\n', en);
    expect(r.content).toBe('Output of 1995 characters (2 lines), attached as output.txt.');
    expect(r.files?.[0].attachment.toString()).toBe(fits + 'b\n');
    expect(outputReply(fits + 'b\n', es).content).toBe('Salida de 1995 caracteres (2 líneas), adjunta como output.txt.');
  });
});
