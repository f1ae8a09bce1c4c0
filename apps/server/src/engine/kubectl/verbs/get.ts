// kubectl get: tables (default and wide), -o name|yaml|json|jsonpath|custom-columns, label and
// field selectors, -A, several types, `get all`, -w, --ignore-not-found, -f.

import { ApiError, isApiError } from '../../api/errors';
import { ResourceInfo, qualifiedResource } from '../../api/resources';
import { matches, matchesFields, parseFieldSelector, parseSelector } from '../../api/selectors';
import { KubeObject } from '../../api/types';
import {
  ALL_NAMESPACES_FLAG,
  ALLOW_MISSING_FLAG,
  CommandDef,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  Invocation,
  OUTPUT_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
} from '../command';
import { CommandError } from '../context';
import { formatApiError } from '../errors';
import { kubeletView } from '../kubelet-views';
import { builderErrors, mappingFor, readManifests } from '../manifests';
import { listObjects } from '../list-objects';
import { customColumnsOf, parseOutput, printObjects, printOptions, OutputSpec } from '../output';
import { CustomColumn, customColumnsHeader, customColumnsRows } from '../printers/custom-columns';
import { goJsonString, toCompactJson } from '../printers/json';
import { JsonPathError } from '../printers/jsonpath';
import { toYaml } from '../printers/yaml';
import { parseResourceArgs } from '../resource-args';
import { columnsFor } from '../printers/columns';
import { decorateTable, printJson, printName, printTables, printYaml, tableText } from '../printers/get-printer';
import { buildTable } from '../printers/table';
import { SortByError, sortObjects } from '../printers/sort-by';
import { GET_TABWRITER, TabWriter } from '../printers/tabwriter';
import { watchLoop } from '../watch';
import { runRawGet } from './get-raw';

export const getCommand: CommandDef = {
  name: 'get',
  short: 'Display one or many resources',
  flags: [
    OUTPUT_FLAG,
    // the table comes from the simulation's printers either way
    { name: 'server-print', type: 'bool', default: true },
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    TEMPLATE_FLAG,
    ALLOW_MISSING_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'watch', shorthand: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runGet,
};

interface Block {
  info: ResourceInfo;
  items: KubeObject[];
  /** named lookups keep the argument order; lists are in server order */
  named: boolean;
}

async function runGet(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const raw = flags.str('raw');
  if (raw) return runRawGet(inv, raw);
  const files = flags.list('filename');
  if (files.length === 0 && inv.args.length === 0) {
    throw new CommandError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  // Validate, after Complete's check above and before the printer is made
  const watching = flags.bool('watch') || flags.bool('watch-only');
  const outputFlag = flags.str('output');
  if (flags.bool('show-labels') && outputFlag !== '' && outputFlag !== 'wide') throw new CommandError(`error: --show-labels option cannot be used with ${outputFlag} printer`);
  if (flags.bool('output-watch-events') && !watching) throw new CommandError('error: --output-watch-events option can only be used with --watch or --watch-only');
  const output = parseOutput(outputFlag, flags.str('template'), true, flags.readFile);
  // the builder's errors are plain, without kubectl's usage line
  if (files.length && inv.args.length) throw new CommandError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  const allNamespaces = flags.bool('all-namespaces');
  const selector = flags.str('selector');
  const fieldSelector = flags.str('field-selector');
  const ignoreNotFound = flags.bool('ignore-not-found');

  let refs: { info: ResourceInfo; name?: string; namespace?: string }[];
  let hasNames: boolean;
  if (files.length) {
    const set = readManifests(files, inv.host.fs, inv.host.stdin, flags.bool('recursive'));
    // the builder's errors end get before anything is read
    const unreadable = builderErrors(set);
    if (unreadable.length) {
      for (const m of unreadable) inv.err(`${m}\n`);
      return 1;
    }
    refs = [];
    for (const d of set.docs) {
      const info = mappingFor(d);
      // each object is read in its own namespace, which an explicit -n must not contradict
      const ns = info.namespaced ? d.obj.metadata?.namespace || undefined : undefined;
      if (ns && inv.namespaceExplicit() && ns !== inv.namespace()) {
        throw new CommandError(`error: the namespace from the provided object "${ns}" does not match the namespace "${inv.namespace()}". You must pass '--namespace=${ns}' to perform this operation.`);
      }
      refs.push({ info, name: d.obj.metadata?.name, namespace: ns });
    }
    // files without a single object find nothing, as a list does
    hasNames = refs.length > 0;
  } else {
    ({ refs, hasNames } = parseResourceArgs(inv.args));
    if (hasNames && (selector || fieldSelector)) throw new CommandError('error: name cannot be provided when a selector is specified');
    if (hasNames && allNamespaces && refs.some((r) => r.info.namespaced)) throw new CommandError('error: a resource cannot be retrieved by name across all namespaces');
  }

  const api = inv.api();
  const namespace = inv.namespace();
  const errors: string[] = [];
  const blocks: Block[] = [];
  const blockFor = (info: ResourceInfo, named: boolean): Block => {
    let b = blocks.find((x) => x.info === info);
    if (!b) {
      b = { info, items: [], named };
      blocks.push(b);
    }
    return b;
  };
  for (const ref of refs) {
    inv.readWarning(ref.info);
    if (ref.name !== undefined) {
      const block = blockFor(ref.info, true);
      try {
        block.items.push(kubeletView(inv.host.cluster, api.get(ref.info.resource, ref.namespace ?? namespace, ref.name), inv.host.now()));
      } catch (e) {
        if (isApiError(e) && (e as ApiError).reason === 'NotFound' && ignoreNotFound) continue;
        if (isApiError(e)) errors.push(formatApiError(e as ApiError));
        else throw e;
      }
    } else {
      const items = listObjects(api, ref.info, { namespace: allNamespaces ? undefined : namespace, labelSelector: selector, fieldSelector });
      blockFor(ref.info, false).items.push(...items.map((o) => kubeletView(inv.host.cluster, o, inv.host.now())));
    }
  }
  const sortBy = flags.str('sort-by');
  if (sortBy) {
    try {
      for (const b of blocks) b.items = sortObjects(b.items, sortBy);
    } catch (e) {
      if (!(e instanceof SortByError)) throw e;
      // kubectl v1.32: a table quietly prints nothing; other printers report the error
      if (e.reason === 'unsortable') throw new CommandError(`F0101 00:00:00.000000    4242 sorter.go:329] Field ${e.field} in *unstructured.Unstructured is an unsortable type: interface, err: ${e.message}`, 255);
      if (output.kind !== 'table') throw new CommandError(`error: ${e.message}`);
      for (const b of blocks) b.items = [];
    }
  }

  // the builder's SingleResourceType check fails before anything is printed
  if (watching && blocks.length > 1) throw new CommandError('error: you may only specify a single resource type');
  if (watching) {
    // the builder's errors (an object not found) end the command before any watch starts
    if (errors.length) {
      for (const e of errors) inv.err(e);
      return 1;
    }
    // ^C ends the watch as it ends kubectl: exit 130
    return (await watchGet(inv, blocks[0], output, { allNamespaces, namespace, selector, fieldSelector })) === 'interrupted' ? 130 : 0;
  }
  const total = blocks.reduce((n, b) => n + b.items.length, 0);
  const singleObject = hasNames && refs.length === 1 && total === 1;

  if (output.kind === 'table') {
    const text = printTables(
      blocks.map((b) => ({ resource: b.info, items: b.items })),
      {
        now: inv.host.now(),
        wide: output.wide,
        noHeaders: flags.bool('no-headers'),
        showLabels: flags.bool('show-labels'),
        labelColumns: flags.list('label-columns'),
        withNamespace: allNamespaces,
        withKindPrefix: flags.bool('show-kind') || blocks.length > 1 || inv.args[0]?.split(',').includes('all') ? true : undefined,
      },
    );
    inv.out(text);
  } else if (!(total === 0 && ignoreNotFound)) {
    // printGeneric: nothing found with --ignore-not-found prints nothing, not an empty List
    inv.out(printObjects(blocks.flatMap((b) => b.items), output, { ...printOptions(flags, singleObject), noHeaders: flags.bool('no-headers') }));
  }
  for (const e of errors) inv.err(e);
  if (total === 0 && errors.length === 0 && !hasNames && output.kind === 'table' && !ignoreNotFound) {
    // get.go: any cluster-scoped kind asked for, or -A, drops the namespace (and the period)
    inv.err(allNamespaces || blocks.some((b) => !b.info.namespaced) ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  return errors.length ? 1 : 0;
}

/** tableprinter.go formatEventType: the EVENT cell of --output-watch-events */
const EVENT_CELLS: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' };

/**
 * get.go watch: the list (unless --watch-only), then each change, through one printer and one
 * tabwriter with RememberWidths, so later rows keep the widths of the first table and widen a
 * column only where a cell needs it. The header is printed once, with the first rows. With
 * --output-watch-events each object is printed as a metav1.WatchEvent: a table gets an EVENT
 * column, the other printers see `{type, object}` (the name printer the object alone).
 */
async function watchGet(
  inv: Invocation,
  block: Block | undefined,
  output: OutputSpec,
  scope: { allNamespaces: boolean; namespace: string; selector: string; fieldSelector: string },
): Promise<'done' | 'timeout' | 'interrupted' | undefined> {
  if (!block) return undefined;
  const { flags } = inv;
  const info = block.info;
  const names = block.named ? new Set(block.items.map((o) => o.metadata.name)) : undefined;
  const labelSel = scope.selector ? parseSelector(scope.selector) : [];
  const fieldSel = scope.fieldSelector ? parseFieldSelector(scope.fieldSelector, info.resource, info.kind) : [];
  const withEvents = flags.bool('output-watch-events');
  const writer = new TabWriter(GET_TABWRITER);
  let printedHeaders = false;
  const printTable = (objects: KubeObject[], type: string): void => {
    const now = inv.host.now();
    let table = decorateTable(buildTable(columnsFor(info.group, info.kind), objects, now), {
      resource: info,
      now,
      showLabels: flags.bool('show-labels'),
      labelColumns: flags.list('label-columns'),
      withNamespace: scope.allNamespaces,
    });
    if (withEvents) {
      table = {
        columnDefinitions: [{ name: 'Event', type: 'string' }, ...table.columnDefinitions],
        rows: table.rows.map((r) => ({ object: r.object, cells: [EVENT_CELLS[type] ?? type, ...r.cells] })),
      };
    }
    inv.out(writer.write(tableText(table, { wide: output.kind === 'table' && output.wide, noHeaders: printedHeaders || flags.bool('no-headers') })).flush());
    if (objects.length) printedHeaders = true;
  };
  const print = output.kind === 'table' ? printTable : watchObjectPrinter(inv, output, writer, withEvents);
  if (!flags.bool('watch-only')) print(block.items, 'ADDED');
  // the list is printed, then the watch request fails: the list route serves `?watch=true` only
  // for a registry that can watch (NewMethodNotSupported)
  if (!info.verbs.includes('watch')) throw new ApiError('MethodNotAllowed', `watch is not supported on resources of kind "${qualifiedResource(info)}"`);
  return watchLoop(inv, info.resource, (ev) => {
    const o = ev.object;
    if (info.namespaced && !scope.allNamespaces && o.metadata.namespace !== scope.namespace) return;
    if (names && !names.has(o.metadata.name)) return;
    // the watch cache filters by the selectors the object before and after the change: one that
    // comes to match is ADDED, one that stops matching DELETED (as it was)
    const selected = (x: KubeObject | undefined): boolean => !!x && matches(labelSel, x.metadata.labels) && matchesFields(fieldSel, x);
    const now = ev.type !== 'DELETED' && selected(o);
    const before = selected(ev.old);
    if (now) print([o], before ? ev.type : 'ADDED');
    else if (before) print([ev.type === 'DELETED' ? o : ev.old!], 'DELETED');
  });
}

/**
 * The printer of a non-table watch (get.go watch's one PrintObj per object, each list item and
 * each event): yaml documents after the first start with `---` (YAMLPrinter's count); a
 * metav1.WatchEvent is one compact JSON line (JSONPrinter's json.Marshal) or a `object:`/`type:`
 * document, and jsonpath, templates and custom columns read its `type` and `object`; the
 * custom-columns header comes once, its rows through the watch's tabwriter.
 */
function watchObjectPrinter(inv: Invocation, output: Exclude<OutputSpec, { kind: 'table' }>, writer: TabWriter, withEvents: boolean): (objects: KubeObject[], type: string) => void {
  const { flags } = inv;
  let columns: CustomColumn[] | undefined;
  let alwaysHeaders = false;
  if (output.kind === 'custom-columns') {
    try {
      ({ columns, alwaysHeaders } = customColumnsOf(output));
    } catch (e) {
      if (e instanceof JsonPathError) throw new CommandError(`error: ${e.message}`);
      throw e;
    }
  }
  let printed = 0;
  return (objects, type) => {
    let text = '';
    for (const o of objects) {
      const event = { type, object: o };
      switch (output.kind) {
        case 'name':
          text += printName(o);
          break;
        case 'json':
          text += withEvents ? `{"type":${goJsonString(type)},"object":${toCompactJson(o)}}\n` : printJson(o);
          break;
        case 'yaml':
          text += (printed ? '---\n' : '') + (withEvents ? toYaml(event) : printYaml(o));
          break;
        case 'custom-columns':
          if (!printed && (alwaysHeaders || !flags.bool('no-headers'))) text += customColumnsHeader(columns!);
          text += customColumnsRows([withEvents ? event : o], columns!);
          break;
        default:
          text += printObjects([(withEvents ? event : o) as unknown as KubeObject], output, printOptions(flags, true));
      }
      printed++;
    }
    inv.out(output.kind === 'custom-columns' ? writer.write(text).flush() : text);
  };
}
