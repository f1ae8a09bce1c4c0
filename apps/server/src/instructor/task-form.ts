// The task editor's form: the checks typed as YAML (JSON is YAML too) and validated with the
// REST API's own schema (customTaskBody), each problem told next to its field, in the page's
// language, with the line of the checks' source it comes from when the source has one.
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import { z } from 'zod';
import { customTaskBody } from '../grading/assignment-schema';
import type { Locale } from '../grading/checks/types';

export type TaskField = 'title' | 'descriptionEs' | 'descriptionEn' | 'checks';

export interface FieldError {
  field: TaskField;
  message: string;
  /** 1-based line of the checks' source */
  line?: number;
  /** the REST API's path of the problem (`checks.2.type`) */
  path?: string;
}

/** What the form holds, echoed back when it is shown again. */
export interface TaskFormValues {
  title: string;
  descriptionEs: string;
  descriptionEn: string;
  checks: string;
}

export type TaskInput = z.output<typeof customTaskBody>;
export type Conditions = TaskInput['checks'];

/** The longest checks source read (50 conditions fit in far less). */
export const MAX_SOURCE = 60_000;

const checksSchema = customTaskBody.shape.checks;
const CONDITION_TYPES = ['exists', 'absent', 'count', 'field', 'selects', 'command', 'transition', 'replaced'];

const L = (locale: Locale, es: string, en: string): string => (locale === 'es' ? es : en);

/** The form's fields as strings, whatever was posted (a missing field is empty). */
export function formValues(body: unknown): TaskFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : '');
  return { title: s(b.title), descriptionEs: s(b.descriptionEs), descriptionEn: s(b.descriptionEn), checks: s(b.checks) };
}

/** The whole form as a task the REST API would accept, or every problem found. */
export function parseTaskForm(values: TaskFormValues, locale: Locale): { task: TaskInput } | { errors: FieldError[] } {
  const parsed = parseChecksSource(values.checks, locale);
  const body = { title: values.title, description: { es: values.descriptionEs, en: values.descriptionEn }, checks: 'checks' in parsed ? parsed.checks : [] };
  const r = customTaskBody.safeParse(body, { error: z.locales[locale]().localeError });
  const errors: FieldError[] = r.success
    ? []
    : r.error.issues.flatMap((i): FieldError[] => {
        const [head, sub] = i.path;
        if (head === 'title') return [{ field: 'title', message: i.message }];
        if (head === 'description') return [{ field: sub === 'en' ? 'descriptionEn' : 'descriptionEs', message: i.message }];
        return []; // the checks' own problems come from parseChecksSource, with their lines
      });
  if ('errors' in parsed) errors.push(...parsed.errors);
  if (errors.length || !r.success) return { errors };
  return { task: r.data };
}

/** The checks' source (YAML or JSON: a list of conditions) as conditions, or its problems. */
export function parseChecksSource(source: string, locale: Locale): { checks: Conditions } | { errors: FieldError[] } {
  const error = (message: string, line?: number, path?: string): { errors: FieldError[] } => ({ errors: [{ field: 'checks', message, ...(line ? { line } : {}), ...(path ? { path } : {}) }] });
  if (source.length > MAX_SOURCE) return error(L(locale, `El texto es demasiado largo (máximo ${MAX_SOURCE} caracteres).`, `The text is too long (at most ${MAX_SOURCE} characters).`));
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return { errors: doc.errors.map((e) => ({ field: 'checks', message: L(locale, `YAML no válido: ${e.message}`, `Invalid YAML: ${e.message}`), line: lines.linePos(e.pos[0]).line })) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return error(L(locale, `YAML no válido: ${(e as Error).message}`, `Invalid YAML: ${(e as Error).message}`));
  }
  if (value === null || value === undefined) return error(L(locale, 'Escribe al menos una condición.', 'Write at least one condition.'));
  if (!Array.isArray(value)) return error(L(locale, 'Las comprobaciones son una lista de condiciones: cada una empieza con «- type: …».', 'The checks are a list of conditions: each one starts with "- type: …".'), 1);
  const r = checksSchema.safeParse(value, { error: z.locales[locale]().localeError });
  if (r.success) return { checks: r.data };
  return {
    errors: r.error.issues.flatMap((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (i.code === 'unrecognized_keys') {
        return i.keys.map((key) => ({ field: 'checks' as const, message: L(locale, `Campo desconocido «${key}»`, `Unknown field "${key}"`), line: lineOf(doc, lines, path, key), path: ['checks', ...path, key].join('.') }));
      }
      const last = path[path.length - 1];
      const message =
        i.code === 'invalid_union' && last === 'type'
          ? L(locale, `Tipo de condición desconocido «${String(valueAt(value, path))}»: usa uno de ${CONDITION_TYPES.join(', ')}`, `Unknown condition type "${String(valueAt(value, path))}": use one of ${CONDITION_TYPES.join(', ')}`)
          : i.message;
      return [{ field: 'checks' as const, message, line: lineOf(doc, lines, path), path: ['checks', ...path].join('.') }];
    }),
  };
}

/** Stored conditions as the editor shows them (YAML). */
export function checksSource(checks: unknown[]): string {
  return stringify(checks, { lineWidth: 0 });
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

/** The line of the node at `path` (or of its nearest ancestor there is), or of a key in it. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[], key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!isNode(node)) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      const at = pair && isNode(pair.key) ? pair.key.range?.[0] : undefined;
      if (at !== undefined) return lines.linePos(at).line;
    }
    // a missing field is told at its condition; an existing one at its value
    if (node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
