import { prefixCommands, slashCommands } from '../commands';
import { localeOf, texts } from '.';

describe('the bot dictionaries', () => {
  it('describe every command in both languages', () => {
    for (const t of Object.values(texts)) {
      for (const c of prefixCommands) expect([c.names[0], t.describe[c.names[0]]]).toEqual([c.names[0], expect.any(String)]);
      for (const c of slashCommands) expect([c.data.name, t.slash[c.data.name]]).toEqual([c.data.name, expect.any(String)]);
    }
  });

  it('have the same keys in both languages, the Record-typed ones (`describe`, `slash`...) included', () => {
    // The type BotStrings checks the fixed keys; a Record lets a key be missing in one language.
    const paths = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? paths(v as object, `${at}${k}.`) : [`${at}${k}:${typeof v}`]));
    expect(paths(texts.es).sort()).toEqual(paths(texts.en).sort());
    expect(paths(texts.en)).toContain('slash.kubectl.command:string');
  });

  it('say different things in Spanish and English', () => {
    expect(texts.es.serverDown).not.toBe(texts.en.serverDown);
    expect(texts.es.lesson.checkPassed('100%')).toBe('✅ Paso superado (puntuación 100%).');
    expect(texts.en.lesson.checkPassed('100%')).toBe('✅ Step passed (score 100%).');
  });

  it.each([
    ['es', 'es'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['es-419', 'es'],
    ['EN_gb', 'en'],
    ['fr', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads the locale %j as %j', (tag, locale) => {
    expect(localeOf(tag)).toBe(locale);
  });
});
