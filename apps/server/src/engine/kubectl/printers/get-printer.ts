// `kubectl get` human-readable output: cli-runtime's HumanReadablePrinter (decorateTable, printTable)
// over the server-side table, written through the get tabwriter; plus `-o name`.

import type { KubeObject } from '../../api/types';
import { groupOfApiVersion } from '../../api/resources';
import { columnsFor } from './columns';
import { formatLabels } from './columns/format';
import { buildTable, type Cell, type ColumnDefinition, type Table } from './table';
import { GET_TABWRITER, TabWriter } from './tabwriter';

/** What the printer needs to know of the kind being printed (a ResourceInfo fits). */
export interface KindInfo {
  kind: string;
  /** API group, '' for core */
  group: string;
  namespaced: boolean;
}

export interface TableOptions {
  resource: KindInfo;
  now: number;
  /** -o wide: show priority-1 columns */
  wide?: boolean;
  /** --no-headers */
  noHeaders?: boolean;
  /** --show-labels */
  showLabels?: boolean;
  /** -L/--label-columns keys, already split at commas */
  labelColumns?: readonly string[];
  /** -A: a NAMESPACE column first (namespaced kinds only) */
  withNamespace?: boolean;
  /** several kinds requested (or --show-kind): NAME cells become `kind.group/name` */
  withKindPrefix?: boolean;
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `kind/name`. */
export function kindPrefix(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** formatLabelHeaders: the upper-cased last `/` segment of each -L key. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** decorateTable: NAMESPACE, -L and LABELS columns, and the kind prefix on the name column. */
export function decorateTable(table: Table, opts: TableOptions): Table {
  const withNamespace = !!opts.withNamespace && opts.resource.namespaced;
  const labelColumns = opts.labelColumns ?? [];
  const nameColumn = opts.withKindPrefix ? table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const prefix = kindPrefix(opts.resource.kind, opts.resource.group);

  const columns: ColumnDefinition[] = [
    ...(withNamespace ? [{ name: 'Namespace', type: 'string' as const }] : []),
    ...table.columnDefinitions,
    ...labelColumns.map((k) => ({ name: labelHeader(k), type: 'string' as const })),
    ...(opts.showLabels ? [{ name: 'Labels', type: 'string' as const }] : []),
  ];
  const rows = table.rows.map((row) => {
    const cells: Cell[] = [...row.cells];
    if (nameColumn >= 0) cells[nameColumn] = `${prefix}/${cells[nameColumn]}`;
    const labels = row.object.metadata?.labels ?? {};
    return {
      object: row.object,
      cells: [
        ...(withNamespace ? [row.object.metadata?.namespace ?? ''] : []),
        ...cells,
        ...labelColumns.map((k) => labels[k] ?? ''),
        ...(opts.showLabels ? [formatLabels(labels)] : []),
      ],
    };
  });
  return { columnDefinitions: columns, rows };
}

/** terminal.go WriteEscaped: unsafe terminal characters replaced. */
const escapeTerminal = (s: string): string =>
  s.indexOf('\u001b') < 0 && s.indexOf('\r') < 0 ? s : s.split('\u001b').join('^[').split('\r').join('\\r');

const CUT = /[\f\n\r]/;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return escapeTerminal(String(cell));
  // cut at the first newline, carriage return or form feed (tabwriter treats \f as a newline)
  const cut = cell.search(CUT);
  return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
}

/** tableprinter.go printTable: the tab-separated text before the tabwriter. No header for zero rows. */
export function tableText(table: Table, opts: { wide?: boolean; noHeaders?: boolean }): string {
  const shown: number[] = [];
  table.columnDefinitions.forEach((c, i) => {
    if (opts.wide || !c.priority) shown.push(i);
  });
  const lines: string[] = [];
  if (!opts.noHeaders) {
    if (table.rows.length === 0) return '';
    lines.push(shown.map((i) => table.columnDefinitions[i].name.toUpperCase()).join('\t'));
  }
  for (const row of table.rows) {
    let line = '';
    for (let j = 0; j < shown.length; j++) {
      // a row shorter than the columns ends there, without tabs for the missing cells
      if (shown[j] >= row.cells.length) break;
      line += (j ? '\t' : '') + cellText(row.cells[shown[j]]);
    }
    lines.push(line);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The table `kubectl get` prints for `items` of one kind (empty string when there are none). */
export function printTable(items: readonly KubeObject[], opts: TableOptions): string {
  const set = columnsFor(opts.resource.group, opts.resource.kind);
  const table = decorateTable(buildTable(set, items, opts.now), opts);
  return new TabWriter(GET_TABWRITER).write(tableText(table, opts)).flush();
}

/**
 * Several kinds in one `get` (`get deploy,rs,pods`, `get all`): one block per kind that has
 * objects, blocks separated by a blank line unless --no-headers (kubectl get.go).
 */
export function printTables(
  blocks: readonly { resource: KindInfo; items: readonly KubeObject[] }[],
  opts: Omit<TableOptions, 'resource'>,
): string {
  const withKindPrefix = opts.withKindPrefix ?? blocks.length > 1;
  const out: string[] = [];
  for (const b of blocks) {
    if (b.items.length === 0) continue;
    out.push(printTable(b.items, { ...opts, withKindPrefix, resource: b.resource }));
  }
  return out.join(opts.noHeaders ? '' : '\n');
}

/** `-o name`: `pod/web`, `deployment.apps/web`; with an operation, `pod/web created`. */
export function printName(obj: KubeObject, operation?: string): string {
  const { group } = groupOfApiVersion(obj.apiVersion ?? '');
  return `${kindPrefix(obj.kind, group)}/${obj.metadata?.name ?? ''}${operation ? ` ${operation}` : ''}\n`;
}

export { listOf, printJson, printYaml, printYamlDocuments } from './object-printer';
