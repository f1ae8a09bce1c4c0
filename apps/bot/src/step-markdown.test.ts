import { texts } from './i18n';
import { discordBlocks, stepReply } from './step-markdown';

describe('a step for Discord', () => {
  it('makes headings bold and keeps code blocks and inline markdown', () => {
    const md = '# Pods\n\nRun **this**:\n\n```bash\nkubectl run nginx --image=nginx\n```\n\n- one `item`\n- two\n\n## Then\n\nDone.\n';
    expect(discordBlocks(md)).toEqual(['**Pods**', 'Run **this**:', '```bash\nkubectl run nginx --image=nginx\n```', '- one `item`\n- two', '**Then**', 'Done.']);
  });

  it('keeps a code block closed when it holds triple backticks', () => {
    expect(discordBlocks('````md\n```\n````\n')).toEqual(['```md\n`\u200b``\n```']);
  });

  it('fits one message, or cuts between blocks and attaches the whole step', () => {
    const t = texts.en;
    expect(stepReply('H', 'a\n\nb', 'F', 'step.md', t)).toEqual({ content: 'H\n\na\n\nb\n\nF', allowedMentions: { parse: [], repliedUser: false } });
    const para = 'x'.repeat(900);
    const md = `${para}\n\n\`\`\`\n${'y'.repeat(900)}\n\`\`\`\n\n${para}\n`;
    const r = stepReply('H', md, 'F', 'step.md', t);
    expect(r.content.length).toBeLessThanOrEqual(2000);
    expect(r.content).toBe(`H\n\n${para}\n\n\`\`\`\n${'y'.repeat(900)}\n\`\`\`\n\n${t.lesson.stepAttached('step.md')}\nF`);
    expect(r.files?.[0]).toEqual({ name: 'step.md', attachment: Buffer.from(md) });
  });
});
