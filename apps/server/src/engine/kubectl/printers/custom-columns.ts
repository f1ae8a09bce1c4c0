// `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` (cli-runtime
// customcolumn.go): headers as given, each cell the column's JSONPath results printed with
// fmt.Sprint and joined by `,`, `<none>` when there is no result; through the get tabwriter.

import { goSprint } from './go-format';
import { JsonPathError, findJsonPathResults, parseJsonPath, relaxedJsonPathExpression, JsonPathSyntaxError, type JsonPathTemplate } from './jsonpath';
import { GET_TABWRITER, TabWriter } from './tabwriter';

export interface CustomColumn {
  header: string;
  /** the relaxed JSONPath, already in `{.a.b}` form */
  fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec: parses `HEADER:path,...`; throws JsonPathError with kubectl's text. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new JsonPathError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

const TEMPLATE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/**
 * NewCustomColumnsPrinterFromTemplate: a columns file's first line holds the headers, its second
 * the column specs, each split on white space (bufio.ScanWords); further lines are not read.
 */
export function parseCustomColumnsTemplate(text: string): CustomColumn[] {
  // bufio.ScanLines: lines end at \n, a \r before it is dropped, and an empty last line is none
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (text.endsWith('\n') || text === '') lines.pop();
  if (lines.length < 1) throw new JsonPathError(`invalid template, missing header line. ${TEMPLATE_FORMAT}`);
  if (lines.length < 2) throw new JsonPathError(`invalid template, missing spec line. ${TEMPLATE_FORMAT}`);
  const words = (line: string): string[] => line.split(/\s+/).filter((w) => w !== '');
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new JsonPathError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

function compile(columns: readonly CustomColumn[]): JsonPathTemplate[] {
  return columns.map((c) => {
    try {
      return parseJsonPath(c.fieldSpec);
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) throw new JsonPathError(e.message);
      throw e;
    }
  });
}

function cell(tmpl: JsonPathTemplate, obj: unknown): string {
  const values = findJsonPathResults(tmpl, obj, true);
  const strings: string[] = [];
  if (values.length === 0 || values[0].length === 0) strings.push('<none>');
  for (const list of values) for (const v of list) strings.push(goSprint(v));
  return strings.join(',');
}

/**
 * The custom-columns table for `items` (the objects of a list, or one object). The header line is
 * printed even when there are no items, as kubectl does for an empty list.
 */
export function printCustomColumns(items: readonly unknown[], columns: readonly CustomColumn[] | string, opts: { noHeaders?: boolean } = {}): string {
  const cols = typeof columns === 'string' ? parseCustomColumnsSpec(columns) : columns;
  const text = (opts.noHeaders ? '' : customColumnsHeader(cols)) + customColumnsRows(items, cols);
  return new TabWriter(GET_TABWRITER).write(text).flush();
}

/** The header line, cells ending in tabs, for a tabwriter the caller keeps (get -w's). */
export function customColumnsHeader(columns: readonly CustomColumn[]): string {
  return `${columns.map((c) => c.header).join('\t')}\n`;
}

/** The rows for `items`, cells ending in tabs, for a tabwriter the caller keeps (get -w's). */
export function customColumnsRows(items: readonly unknown[], columns: readonly CustomColumn[]): string {
  const parsers = compile(columns);
  let text = '';
  for (const obj of items) text += `${parsers.map((p) => cell(p, obj)).join('\t')}\n`;
  return text;
}
