// A lesson step's markdown as Discord shows it: Discord renders bold, lists, inline code, links
// and code blocks itself, but a heading would shout, so headings become bold lines; code blocks
// are kept whole with their language. A step longer than one message is cut between blocks and
// comes whole as an attached file.
import { Lexer, type Token } from 'marked';
import type { BotStrings } from './i18n';
import { DISCORD_MESSAGE_LIMIT, escapeCodeBlock, textReply, type BotReply } from './reply';

/** The step's blocks (paragraphs, lists, code blocks...) in Discord's markdown. */
export function discordBlocks(markdown: string): string[] {
  return new Lexer({ gfm: true }).lex(markdown).flatMap(block);
}

function block(token: Token): string[] {
  switch (token.type) {
    case 'space':
      return [];
    case 'heading':
      return [`**${token.text.replace(/\*\*/g, '')}**`];
    case 'code': {
      const lang = (token.lang ?? '').split(/\s/)[0];
      return ['```' + lang + '\n' + escapeCodeBlock(token.text) + '\n```'];
    }
    case 'hr':
      return ['———'];
    default:
      return [token.raw.trimEnd()];
  }
}

/** The step in one message, or its first blocks with the whole text attached. */
export function stepReply(header: string, markdown: string, footer: string, fileName: string, t: BotStrings): BotReply {
  const blocks = discordBlocks(markdown);
  const whole = [header, ...blocks, footer].join('\n\n');
  if (whole.length <= DISCORD_MESSAGE_LIMIT) return textReply(whole);
  const tail = `${t.lesson.stepAttached(fileName)}\n${footer}`;
  const shown: string[] = [header];
  for (const b of blocks) {
    if ([...shown, b, tail].join('\n\n').length > DISCORD_MESSAGE_LIMIT) break;
    shown.push(b);
  }
  return { ...textReply([...shown, tail].join('\n\n')), files: [{ attachment: Buffer.from(markdown.endsWith('\n') ? markdown : markdown + '\n', 'utf8'), name: fileName }] };
}
