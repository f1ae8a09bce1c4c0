// kubectl events (kubectl's pkg/cmd/events): the namespace's events sorted by when they were
// last seen, in LAST SEEN / TYPE / REASON / OBJECT / MESSAGE columns (NAMESPACE first with -A);
// --for TYPE/NAME, --types Normal,Warning, -w, -o yaml|json.

import { KubeEvent } from '../../api/types';
import { parseTime } from '../../time';
import { ALL_NAMESPACES_FLAG, CommandDef, Invocation, OUTPUT_FLAG, PRINT_FLAGS } from '../command';
import { CommandError } from '../context';
import { objectOutput, printObjects, printOptions } from '../output';
import { age } from '../printers/columns/format';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter';
import { resolveType } from '../resource-args';
import { watchLoop } from '../watch';

export const eventsCommand: CommandDef = {
  name: 'events',
  short: 'List events',
  flags: [
    ALL_NAMESPACES_FLAG,
    OUTPUT_FLAG,
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringSlice' },
    { name: 'watch', shorthand: 'w', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    ...PRINT_FLAGS,
  ],
  run: runEvents,
};

/** When an event was last seen: its series, else lastTimestamp, else eventTime (SortableEvents). */
function lastSeen(e: KubeEvent): number {
  const series = (e as { series?: { lastObservedTime?: string } }).series;
  const t = series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  const ms = parseTime(t);
  return Number.isNaN(ms) ? 0 : ms;
}

/** getInterval: `5s`, or `5s (x3 over 2m)` for a repeated event. */
export function eventInterval(e: KubeEvent, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  const series = (e as { series?: { lastObservedTime?: string; count?: number } }).series;
  if (series) return `${age(series.lastObservedTime, now)} (x${series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function row(e: KubeEvent, now: number, allNamespaces: boolean): string {
  const cells = [eventInterval(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
  return `${allNamespaces ? `${e.metadata.namespace}\t` : ''}${cells.join('\t')}\n`;
}

async function runEvents(inv: Invocation): Promise<number> {
  const { flags } = inv;
  if (inv.args.length) throw new CommandError(`error: unknown command "${inv.args[0]}" for "kubectl events"`);
  const types = flags.list('types').map((t) => t.trim());
  for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) throw new CommandError('error: valid --types are Normal or Warning');
  let forKind: string | undefined;
  let forName: string | undefined;
  if (flags.str('for')) {
    const parts = flags.str('for').split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CommandError('error: --for must be in resource/name form');
    forKind = resolveType(parts[0]).kind;
    forName = parts[1];
  }
  const output = objectOutput(flags);
  const allNamespaces = flags.bool('all-namespaces');
  const api = inv.api();
  const namespace = inv.namespace();
  const wanted = (e: KubeEvent): boolean =>
    (allNamespaces || e.metadata.namespace === namespace) &&
    (forKind === undefined || (e.involvedObject.kind === forKind && e.involvedObject.name === forName)) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()));
  const events = (api.list('events', { namespace: allNamespaces ? undefined : namespace }) as KubeEvent[]).filter(wanted);
  const sorted = events.map((e, i) => ({ e, i, t: lastSeen(e) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.e);
  const header = `${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
  const noHeaders = flags.bool('no-headers');
  if (output.kind !== 'table') {
    inv.out(printObjects(sorted, output, printOptions(flags, false)));
  } else if (sorted.length === 0 && !flags.bool('watch')) {
    inv.err(allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    return 0;
  } else if (sorted.length) {
    const now = inv.host.now();
    inv.out(tabwrite((noHeaders ? '' : header) + sorted.map((e) => row(e, now, allNamespaces)).join(''), GET_TABWRITER));
  }
  if (!flags.bool('watch')) return 0;
  let printedHeader = sorted.length > 0 || noHeaders;
  const result = await watchLoop(inv, 'events', (ev) => {
    if (ev.type === 'DELETED') return;
    const e = ev.object as KubeEvent;
    if (!wanted(e)) return;
    if (output.kind !== 'table') {
      inv.out(printObjects([e], output, printOptions(inv.flags, true)));
      return;
    }
    inv.out(tabwrite((printedHeader ? '' : header) + row(e, inv.host.now(), allNamespaces), GET_TABWRITER));
    printedHeader = true;
  });
  return result === 'interrupted' ? 130 : 0;
}
