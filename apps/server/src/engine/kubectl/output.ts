// `-o` for get-like commands: which printer, and printing objects with it.

import { executeGoTemplate, GoTemplateError } from './printers/go-template';
import { goQuote, goSprint } from './printers/go-format';
import { toCompactJson } from './printers/json';
import { KubeObject } from '../api/types';
import { CommandError } from './context';
import { FsError } from '../shell/filesystem';
import { readFileError } from './go-os-errors';
import { Flags } from './flags';
import { printName } from './printers/get-printer';
import { listOf, printJson, printYaml } from './printers/object-printer';
import { inStructOrder } from './printers/go-struct-order';
import { JsonPathError, printJsonPath } from './printers/jsonpath';
import { CustomColumn, parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns } from './printers/custom-columns';

export type OutputSpec =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | CustomColumnsOutput
  | { kind: 'go-template'; template: string };

/** `-o custom-columns=SPEC`, or `-o custom-columns-file=FILE` with the file's reader */
export type CustomColumnsOutput = { kind: 'custom-columns'; spec: string } | { kind: 'custom-columns'; file: string; read: () => string };

/** what `get` prints (kubectl's printers with the human-readable ones), as its error lists them */
const TABLE_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** what every other command that prints an object offers: no table, no columns */
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** the template formats that name a file: the template is its text */
const TEMPLATE_FILE_FORMATS: Record<string, 'go-template' | 'jsonpath'> = { 'go-template-file': 'go-template', templatefile: 'go-template', 'jsonpath-file': 'jsonpath' };

/** PrintFlags' read of a template file, with its error */
function readTemplateFile(path: string, readFile: (path: string) => string): string {
  try {
    return readFile(path);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    throw new CommandError(`error: error reading --template ${path}, ${readFileError(path, e)}`);
  }
}

/**
 * `-o`: `get` (`table`) has the human-readable printers too (wide, custom-columns); the other
 * commands print objects and refuse those, as kubectl's PrintFlags do. '' is the command's own
 * output (a table for get, `deployment.apps/web created` for create).
 */
export function parseOutput(given: string, template = '', table = false, readFile?: (path: string) => string): OutputSpec {
  // --template alone means go-template (PrintFlags.ToPrinter)
  const o = given === '' && template ? 'go-template' : given;
  if (o === '') return { kind: 'table', wide: false };
  const format = o.split('=')[0];
  if (!table && (o === 'wide' || format === 'custom-columns' || format === 'custom-columns-file')) throw unmatched(o, table);
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'name') return { kind: 'name' };
  if (o === 'yaml') return { kind: 'yaml' };
  if (o === 'json') return { kind: 'json' };
  const eq = o.indexOf('=');
  const arg = eq >= 0 ? o.slice(eq + 1) : template;
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    if (!arg) throw new CommandError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: arg, asJson: format === 'jsonpath-as-json' };
  }
  if (format === 'custom-columns') {
    if (!arg) throw new CommandError(NO_COLUMNS);
    return { kind: 'custom-columns', spec: arg };
  }
  // (a file format needs the host's files: without them it is not offered, as the template files)
  if (format === 'custom-columns-file' && readFile) {
    if (!arg) throw new CommandError(NO_COLUMNS);
    // kubectl opens the file when it makes the printer, after the objects are fetched
    return { kind: 'custom-columns', file: arg, read: () => readColumnsFile(arg, readFile) };
  }
  // real formats the simulation does not print: said so, rather than "unable to match"
  if (format === 'go-template' || format === 'template') {
    if (!arg) throw new CommandError('error: template format specified but no template given');
    return { kind: 'go-template', template: arg };
  }
  const fromFile = TEMPLATE_FILE_FORMATS[format];
  if (fromFile && readFile) {
    if (!arg) throw new CommandError('error: template format specified but no template given');
    const text = readTemplateFile(arg, readFile);
    return fromFile === 'jsonpath' ? { kind: 'jsonpath', template: text, asJson: false } : { kind: 'go-template', template: text };
  }
  throw unmatched(o, table);
}

const NO_COLUMNS = 'error: custom-columns format specified but no custom columns given';

/**
 * customcolumn_flags.go's read of a columns file: a file it cannot open is an error; a directory
 * opens, and reading it fails, which the template parser meets as a file without a header line.
 */
function readColumnsFile(path: string, readFile: (path: string) => string): string {
  try {
    return readFile(path);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (e.code === 'EISDIR') return '';
    throw new CommandError(`error: error reading template ${path}, ${readFileError(path, e)}`);
  }
}

/**
 * The columns of a custom-columns output, made as kubectl makes them with the printer (so a bad
 * spec or file is reported when printing). A columns file's printer prints its header line even
 * with --no-headers: NewCustomColumnsPrinterFromTemplate never sets NoHeaders.
 */
export function customColumnsOf(output: CustomColumnsOutput): { columns: CustomColumn[]; alwaysHeaders: boolean } {
  if ('spec' in output) return { columns: parseCustomColumnsSpec(output.spec), alwaysHeaders: false };
  return { columns: parseCustomColumnsTemplate(output.read()), alwaysHeaders: true };
}

/** The printing flags of an object-printing command (all but get): -o and --template. */
export function objectOutput(flags: Flags): OutputSpec {
  return parseOutput(flags.str('output'), flags.str('template'), false, flags.readFile);
}

function unmatched(o: string, table: boolean): CommandError {
  return new CommandError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${table ? TABLE_FORMATS : OBJECT_FORMATS}`);
}

export interface PrintOptions {
  /** one object rather than a List */
  single: boolean;
  noHeaders?: boolean;
  /** --allow-missing-template-keys (kubectl's default: true) */
  allowMissingKeys?: boolean;
  /** the object is kubectl's own Go value (a generator's, a set command's): -o json in struct order */
  typed?: boolean;
}

/**
 * The printing flags a command was given. --show-managed-fields is accepted wherever kubectl has
 * it and changes nothing: the simulation's objects carry no managedFields.
 */
export function printOptions(flags: Flags, single: boolean, typed = false): PrintOptions {
  return { single, typed, allowMissingKeys: !flags.changed('allow-missing-template-keys') || flags.bool('allow-missing-template-keys') };
}

/** Prints objects with a non-table printer. */
export function printObjects(items: KubeObject[], output: OutputSpec, opts: PrintOptions): string {
  try {
    return printWith(items, output, opts);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CommandError(`error: ${e.message}`);
    throw e;
  }
}

function printWith(view: KubeObject[], output: OutputSpec, opts: PrintOptions): string {
  switch (output.kind) {
    case 'name':
      return view.map((o) => printName(o)).join('');
    case 'yaml':
      return printYaml(opts.single ? view[0] : (listOf(view) as Record<string, unknown>));
    case 'json': {
      const ordered = opts.typed && opts.single ? inStructOrder(view[0]) : undefined;
      if (ordered) return printJson(ordered, { sortKeys: false });
      return printJson(opts.single ? view[0] : (listOf(view) as Record<string, unknown>));
    }
    case 'jsonpath':
      return printJsonPath(opts.single ? view[0] : listOf(view), output.template, { outputJson: output.asJson, allowMissingKeys: opts.allowMissingKeys ?? true });
    case 'custom-columns': {
      const { columns, alwaysHeaders } = customColumnsOf(output);
      return printCustomColumns(view, columns, { noHeaders: opts.noHeaders && !alwaysHeaders });
    }
    case 'go-template':
      return printGoTemplate(opts.single ? view[0] : listOf(view), output.template);
    case 'table':
      throw new Error('tables are printed by the get printer');
  }
}

/**
 * kubectl's template printer: its words around Go's parse and execution errors. A failed run
 * first prints kubectl's debugging block (on stdout, as kubectl does) with the data as JSON and as
 * the map the template saw; the JSON's keys are in the simulation's order, not Go's struct order.
 */
function printGoTemplate(data: unknown, template: string): string {
  try {
    return executeGoTemplate(template, data);
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    if (e.phase === 'parse') throw new CommandError(`error: error parsing template ${template}, ${e.message}`);
    const debug =
      e.partial +
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${toCompactJson(data, false)}\n` +
      `\tobject given to template engine was:\n\t\t${goSprint(data)}\n\n`;
    throw new CommandError(`error: error executing template ${goQuote(template)}: ${e.message}`, 1, debug);
  }
}
