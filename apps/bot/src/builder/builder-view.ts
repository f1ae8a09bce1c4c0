// What the builder shows at each step: the command so far, and the menu (or buttons) for the
// next choice. Names come 25 to a menu (Discord's limit) with Previous/Next buttons for more.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { componentId } from '../commands/component-id';
import type { BotStrings } from '../i18n';
import { textReply, type BotReply } from '../reply';
import { BUILDER_VERBS, builtLine, nameOptional, resourcesFor } from './builder-command';
import type { BuilderState } from './builder-sessions';

export const BUILD_PREFIX = 'build';
export const PAGE_SIZE = 25;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const label = (s: string) => (s.length > 100 ? s.slice(0, 99) + '…' : s);

export function builderView(state: BuilderState, sid: string, t: BotStrings): BotReply {
  const id = (...args: string[]) => componentId(BUILD_PREFIX, state.owner, sid, ...args);
  const b = t.builder;
  const cancel = { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id('cancel'), label: b.cancel } as const;
  const rows: Row[] = [];
  let prompt: string;
  if (!state.verb) {
    prompt = b.pickVerb;
    rows.push(select(id('verb'), b.pickVerb, BUILDER_VERBS.map((v) => ({ label: b.verbs[v] ?? v, value: v }))));
    rows.push({ type: ComponentType.ActionRow, components: [cancel] });
  } else if (!state.resource) {
    prompt = b.pickResource;
    rows.push(select(id('resource'), b.pickResource, resourcesFor(state.verb).map((r) => ({ label: r, value: r }))));
    rows.push({ type: ComponentType.ActionRow, components: [cancel] });
  } else if (!state.target) {
    const objects = state.objects ?? [];
    const pages = Math.max(1, Math.ceil(objects.length / PAGE_SIZE));
    const page = Math.min(state.page, pages - 1);
    const shown = objects.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    prompt = objects.length ? b.pickName(state.resource) : b.noNames(state.resource);
    if (pages > 1) prompt += ` (${b.page(page + 1, pages)})`;
    if (shown.length) {
      rows.push(select(id('name'), b.pickName(state.resource), shown.map((o, i) => ({ label: label(o.namespace && o.namespace !== 'default' ? `${o.name} (${o.namespace})` : o.name), value: String(page * PAGE_SIZE + i) }))));
    }
    const buttons: APIComponentInMessageActionRow[] = [];
    if (pages > 1) {
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id('page', String(page - 1)), label: b.previous, disabled: page === 0 });
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id('page', String(page + 1)), label: b.next, disabled: page >= pages - 1 });
    }
    if (nameOptional(state.verb)) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: id('all'), label: b.allNames });
    buttons.push(cancel);
    rows.push({ type: ComponentType.ActionRow, components: buttons });
  } else {
    prompt = '';
    rows.push({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Success, custom_id: id('run'), label: b.run }, cancel],
    });
  }
  const line = currentLine(state);
  const content = [b.title, b.command(line), prompt].filter(Boolean).join('\n');
  return { ...textReply(content), components: rows };
}

export function currentLine(state: BuilderState): string {
  if (!state.verb) return 'kubectl';
  const everyNamespace = (state.objects ?? []).some((o) => o.namespace !== undefined && o.namespace !== 'default');
  return builtLine(state.verb, state.resource, state.target, everyNamespace);
}

function select(customId: string, placeholder: string, options: { label: string; value: string }[]): Row {
  return { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: customId, placeholder: label(placeholder), options }] };
}
