// `!build` and `/build`: a kubectl command built from menus (verb, resource type, then a name
// from the student's cluster), shown as it grows so the student learns to type it, then run.
import { MessageFlags } from 'discord.js';
import { BUILDER_VERBS, type BuilderVerb } from '../builder/builder-command';
import { BuilderSessions } from '../builder/builder-sessions';
import { BUILD_PREFIX, builderView, currentLine } from '../builder/builder-view';
import type { BotDeps } from '../bot-deps';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { pickCluster } from '../pick-cluster';
import { textReply, type BotReply } from '../reply';
import { runLine } from '../run-line';
import { slashData } from './slash-data';
import type { ComponentHandler, PrefixCommand, SlashCommand } from './types';

function sessions(deps: BotDeps): BuilderSessions {
  deps.builders ??= new BuilderSessions();
  return deps.builders;
}

function open(deps: BotDeps, userId: string, t: BotStrings): BotReply {
  const sid = sessions(deps).create(userId);
  return builderView(sessions(deps).get(sid, userId)!, sid, t);
}

export const buildCommand: PrefixCommand = {
  names: ['build'],
  usage: '!build',
  execute: async ({ deps, userId, t }) => open(deps, userId, t),
};

export const buildSlashCommand: SlashCommand = {
  data: slashData('build'),
  async execute(interaction, deps, t) {
    await interaction.reply({ ...open(deps, interaction.user.id, t), flags: MessageFlags.Ephemeral });
  },
};

export const buildComponents: ComponentHandler = {
  prefix: BUILD_PREFIX,
  async handle({ deps, userId, place, args, values, t }) {
    const [sid = '', action = '', arg = ''] = args;
    const state = sessions(deps).get(sid, userId);
    if (!state) return { ...textReply(t.builder.expired), components: [] };
    const closed = (reply: BotReply): BotReply => {
      sessions(deps).close(sid);
      return { ...reply, components: [] };
    };
    try {
      switch (action) {
        case 'verb':
          if (!(BUILDER_VERBS as readonly string[]).includes(values[0])) break;
          state.verb = values[0] as BuilderVerb;
          break;
        case 'resource': {
          const picked = await pickCluster(deps, userId, place, t);
          if ('reply' in picked) return closed(picked.reply);
          const { objects } = await deps.server.objects(userId, picked.clusterId, values[0]);
          state.resource = values[0];
          state.objects = objects.map((o) => ({ namespace: o.namespace, name: o.name })).sort((a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name, 'en', { numeric: true }));
          state.page = 0;
          break;
        }
        case 'page':
          state.page = Math.max(0, Number(arg) || 0);
          break;
        case 'name': {
          const o = state.objects?.[Number(values[0])];
          if (o) state.target = o;
          break;
        }
        case 'all':
          state.target = 'all';
          break;
        case 'run': {
          const line = currentLine(state);
          return closed(await runLine(deps, userId, place, line, t, t.builder.ran(line)));
        }
        case 'cancel':
          return closed(textReply(t.builder.cancelled));
      }
      return builderView(state, sid, t);
    } catch (e) {
      return closed(errorReply(e, deps, t));
    }
  },
};
