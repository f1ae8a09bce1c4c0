// `--sort-by=<jsonpath>` (kubectl pkg/cmd/get/sorter.go): objects ordered by the first value the
// expression finds in each, with Go's sort.Sort and kubectl's Less, in which an object without the
// field is "less" than any other. Numbers compare numerically; strings as quantities when both parse
// as one (`500Mi` < `1Gi`), else byte-wise (kubectl v1.32 prints `web-10` before `web-9`). RFC 3339
// timestamps are strings of one shape, so they sort in time order.

import { goTypeName } from './go-format';
import { quantityValue } from '../../api/validation/quantity';
import { goSortSlice } from './go-sort';
import { findJsonPathResults, JsonPathError, JsonPathSyntaxError, parseJsonPath, relaxedJsonPathExpression } from './jsonpath';

/**
 * Why sorting failed. kubectl v1.32 reacts differently per output:
 * - `not-found` (no object has the field) and `invalid` (bad expression): with -o name/json/yaml/...
 *   it prints `error: <message>` and exits 1; with the default table it prints nothing, then
 *   `No resources found in <ns> namespace.` on stderr, and exits 0.
 * - `unsortable` (maps, lists, mixed types): it dies with a klog fatal line, exit 255:
 *   `F<MMDD hh:mm:ss.uuuuuu> <pid> sorter.go:329] Field {.x} in *unstructured.Unstructured is an unsortable type: interface, err: <message>`.
 */
export class SortByError extends JsonPathError {
  constructor(
    readonly reason: 'not-found' | 'invalid' | 'unsortable',
    message: string,
    /** the relaxed expression, `{.metadata.name}` */
    readonly field: string,
  ) {
    super(message);
  }
}

/** isLess on two values of an unstructured object; throws the Go error text for unsortable pairs. */
export function sortLess(a: unknown, b: unknown): boolean {
  const nil = (v: unknown) => v === null || v === undefined;
  if (nil(a) && nil(b)) return false;
  if (nil(a)) return true;
  if (nil(b)) return false;
  const ta = goTypeName(a);
  if (ta === 'map[string]interface {}' || ta === '[]interface {}' || ta === 'bool') throw new Error(`unsortable type: ${ta}`);
  if (ta !== goTypeName(b)) throw new Error('unsortable interface: interface');
  if (typeof a === 'string') {
    const qa = quantityValue(a);
    const qb = quantityValue(b as string);
    return Number.isNaN(qa) || Number.isNaN(qb) ? a < (b as string) : qa < qb;
  }
  return (a as number) < (b as number);
}

/**
 * Items in --sort-by order. `field` is the flag's value (`.metadata.name`, `{.status.startTime}`).
 * Throws SortByError.
 */
export function sortObjects<T>(items: readonly T[], field: string): T[] {
  let expr: string;
  let tmpl;
  try {
    expr = relaxedJsonPathExpression(field);
  } catch (e) {
    if (e instanceof JsonPathError) throw new SortByError('invalid', e.message, field);
    throw e;
  }
  try {
    tmpl = parseJsonPath(expr);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw new SortByError('invalid', e.message, expr);
    throw e;
  }
  const keyed = items.map((item) => {
    const values = findJsonPathResults(tmpl, item, true);
    const found = values.length > 0 && values[0].length > 0;
    return { item, found, key: found ? values[0][0] : undefined };
  });
  if (items.length > 0 && !keyed.some((k) => k.found)) {
    throw new SortByError('not-found', `couldn't find any field with path "${expr}" in the list of objects`, expr);
  }
  try {
    return goSortSlice(keyed, (x, y) => {
      if (!x.found) return true;
      if (!y.found) return false;
      return sortLess(x.key, y.key);
    }).map((k) => k.item);
  } catch (e) {
    if (e instanceof SortByError) throw e;
    throw new SortByError('unsortable', `Field ${expr} in *unstructured.Unstructured is an unsortable type: interface, err: ${(e as Error).message}`, expr);
  }
}
