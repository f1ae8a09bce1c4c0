// The dictionaries: every key the views and client scripts use exists in both languages, every
// key is used, placeholders match between languages; the request's language is chosen right.
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../config/paths';
import { acceptLanguage, clientMessages, t } from './index';
import { en } from './en';
import { es } from './es';
import { formatTime } from './view-helpers';

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

// the lesson pages' views and scripts (the instructor pages keep their own words)
const views = files(projectPath('views'), '.hbs').filter((f) => !path.basename(f).startsWith('instructor'));
const scripts = files(projectPath('public', 'js'), '.js').filter((f) => !path.basename(f).startsWith('instructor'));
const sources = files(path.join(__dirname, '..'), '.ts').filter((f) => !f.endsWith('.test.ts') && !f.includes(`${path.sep}i18n${path.sep}`));

describe('the dashboard dictionaries', () => {
  it('have every key the views use, and the views use only known keys', () => {
    const used = new Set<string>();
    for (const f of views) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\(?t "([\w.-]+)"/g)) used.add(m[1]);
    for (const f of scripts) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bT\('([\w.-]+)'/g)) used.add(`js.${m[1]}`);
    for (const f of sources) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\((?:ctx\.)?locale, '([\w.-]+)'/g)) used.add(m[1]);
    const missing = [...used].filter((k) => !(k in es));
    expect(missing).toEqual([]);
    // keys built at run time: lesson statuses, the home page's parts, the sign-in and sign-up titles
    const dynamic = /^(lessons\.status\.|lessons\.(start|continue|review)$|home\.part\d|signin\.title|signup\.title|classrooms\.title)/;
    const unused = Object.keys(es).filter((k) => !used.has(k) && !dynamic.test(k));
    expect(unused).toEqual([]);
  });

  it('say the same things in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(es) as (keyof typeof es)[]) expect([k, names(en[k])]).toEqual([k, names(es[k])]);
  });

  it('fill placeholders and refuse unknown keys', () => {
    expect(t('es', 'lessons.progress', { done: 2, total: 5 })).toBe('2 de 5 pasos hechos');
    expect(t('en', 'lessons.progress', { done: 2, total: 5 })).toBe('2 of 5 steps done');
    expect(() => t('es', 'no.such.key')).toThrow(/No message/);
    expect(clientMessages('en').passed).toBe('Step passed');
    expect(Object.keys(clientMessages('es')).every((k) => !k.startsWith('js.'))).toBe(true);
  });

  it('choose a visitor language from Accept-Language, Spanish by default', () => {
    expect(acceptLanguage(undefined)).toBe('es');
    expect(acceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(acceptLanguage('fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7')).toBe('en');
    expect(acceptLanguage('en;q=0.5,es-MX;q=0.8')).toBe('es');
    expect(acceptLanguage('de, fr')).toBe('es');
    expect(acceptLanguage('en;q=0')).toBe('es');
  });

  it("show times in the classroom's time zone, in the reader's language", () => {
    const at = '2026-01-05T09:00:00Z';
    expect(formatTime(at, 'en', 'Europe/Madrid')).toMatch(/Jan 5, 2026,? 10:00\sAM/);
    expect(formatTime(at, 'es', 'America/Mexico_City')).toMatch(/5 ene 2026,? 3:00/);
    expect(formatTime(at, 'en', 'Not/AZone')).toMatch(/9:00\sAM/);
    expect(formatTime('garbage', 'en', 'UTC')).toBe('');
  });
});
