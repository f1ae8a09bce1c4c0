// The server-side Table (meta.k8s.io/v1 Table) that `kubectl get` prints: column definitions and
// one row of cells per object. As the API server does, rows always carry every cell, wide ones
// included (it generates them with Wide: true); the client drops priority > 0 columns unless -o wide.

import type { KubeObject } from '../../api/types';

export type CellType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface ColumnDefinition {
  name: string;
  type: CellType;
  /** `name` marks the column that gets the `kind/` prefix when several kinds are printed */
  format?: 'name';
  /** 0: always shown; 1: only with -o wide */
  priority?: number;
}

export type Cell = string | number | boolean | null;

export interface TableRow {
  cells: Cell[];
  object: KubeObject;
}

export interface Table {
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

/** How one kind is turned into table rows (printers.go AddHandlers: a column list and a row function). */
export interface ColumnSet {
  columns: readonly ColumnDefinition[];
  row(obj: any, now: number): Cell[];
}

/** `{Name, Type, Format: "name"}`: the NAME column every kind starts with. */
export const NAME_COLUMN: ColumnDefinition = { name: 'Name', type: 'string', format: 'name' };
export const AGE_COLUMN: ColumnDefinition = { name: 'Age', type: 'string' };

export const col = (name: string, type: CellType = 'string', priority = 0): ColumnDefinition =>
  priority ? { name, type, priority } : { name, type };
export const wide = (name: string, type: CellType = 'string'): ColumnDefinition => col(name, type, 1);

export function buildTable(set: ColumnSet, items: readonly KubeObject[], now: number): Table {
  return { columnDefinitions: [...set.columns], rows: items.map((object) => ({ cells: set.row(object, now), object })) };
}

/** CONTAINERS, IMAGES, SELECTOR: the wide columns of every pod-template kind. */
export const TEMPLATE_COLUMNS: readonly ColumnDefinition[] = [wide('Containers'), wide('Images'), wide('Selector')];
