// kubectl api-resources and api-versions: the discovery data this API server serves.

import { RESOURCES, apiVersionOf } from '../../api/resources';
import { CommandDef, OUTPUT_FLAG } from '../command';
import { CommandError } from '../context';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter';

export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [OUTPUT_FLAG, { name: 'namespaced', type: 'bool', default: true }, { name: 'api-group', type: 'string' }, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'verbs', type: 'stringSlice' }, { name: 'cached', type: 'bool' }, { name: 'categories', type: 'stringSlice' }],
  run(inv) {
    inv.api();
    const o = inv.flags.str('output');
    if (o && o !== 'wide' && o !== 'name') throw new CommandError(`error: --output ${o} is not available`);
    let rows = [...RESOURCES];
    if (inv.flags.changed('namespaced')) rows = rows.filter((r) => r.namespaced === inv.flags.bool('namespaced'));
    if (inv.flags.changed('api-group')) rows = rows.filter((r) => r.group === inv.flags.str('api-group'));
    const verbs = inv.flags.list('verbs');
    if (verbs.length) rows = rows.filter((r) => verbs.every((v) => r.verbs.includes(v)));
    // a resource in every category asked for, as kubectl filters them
    const categories = inv.flags.list('categories');
    if (categories.length) rows = rows.filter((r) => categories.every((c) => r.categories.includes(c)));
    if (inv.flags.str('sort-by') === 'name') rows.sort((a, b) => (a.resource < b.resource ? -1 : 1));
    if (o === 'name') {
      inv.out(rows.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).join('\n') + '\n');
      return 0;
    }
    const head = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
    const lines = inv.flags.bool('no-headers') ? [] : [head.join('\t')];
    for (const r of rows) {
      const cells = [r.resource, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
      if (o === 'wide') cells.push(`[${r.verbs.join(' ')}]`, r.categories.join(','));
      lines.push(cells.join('\t'));
    }
    inv.out(tabwrite(lines.map((l) => `${l}\n`).join(''), GET_TABWRITER));
    return 0;
  },
};

export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run(inv) {
    inv.api();
    const versions = [...new Set(RESOURCES.map(apiVersionOf))].sort();
    inv.out(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};
