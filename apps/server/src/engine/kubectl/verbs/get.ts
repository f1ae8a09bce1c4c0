// kubectl get: tables (default and wide), -o name|yaml|json|jsonpath|custom-columns, label and
// field selectors, -A, several types, `get all`, -w, --ignore-not-found, -f.

import { ApiError, isApiError } from '../../api/errors';
import { ResourceInfo, qualifiedResource } from '../../api/resources';
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
import { CommandError, UsageError } from '../context';
import { formatApiError } from '../errors';
import { kubeletView } from '../kubelet-views';
import { mappingFor, readManifests } from '../manifests';
import { parseOutput, printObjects, printOptions, OutputSpec } from '../output';
import { parseResourceArgs, ResourceRef } from '../resource-args';
import { printTable, printTables } from '../printers/get-printer';
import { SortByError, sortObjects } from '../printers/sort-by';
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
  const output = parseOutput(flags.str('output'), flags.str('template'), true);
  const files = flags.list('filename');
  if (files.length === 0 && inv.args.length === 0) {
    throw new CommandError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  if (files.length && inv.args.length) throw new UsageError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  const allNamespaces = flags.bool('all-namespaces');
  const selector = flags.str('selector');
  const fieldSelector = flags.str('field-selector');
  const ignoreNotFound = flags.bool('ignore-not-found');

  let refs: ResourceRef[];
  let hasNames: boolean;
  if (files.length) {
    const set = readManifests(files, inv.host.fs, inv.host.stdin, flags.bool('recursive'));
    for (const p of set.problems) inv.err(`${p.message}\n`);
    refs = [];
    for (const d of set.docs) {
      const info = mappingFor(d);
      refs.push({ info, name: d.obj.metadata?.name });
    }
    hasNames = true;
  } else {
    ({ refs, hasNames } = parseResourceArgs(inv.args));
    if (hasNames && selector) throw new UsageError('name cannot be provided when a selector is specified');
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
        block.items.push(kubeletView(inv.host.cluster, api.get(ref.info.resource, namespace, ref.name), inv.host.now()));
      } catch (e) {
        if (isApiError(e) && (e as ApiError).reason === 'NotFound' && ignoreNotFound) continue;
        if (isApiError(e)) errors.push(formatApiError(e as ApiError));
        else throw e;
      }
    } else {
      const items = api.list(ref.info.resource, {
        namespace: allNamespaces ? undefined : namespace,
        labelSelector: selector || undefined,
        fieldSelector: fieldSelector || undefined,
      });
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

  const watching = flags.bool('watch') || flags.bool('watch-only');
  const total = blocks.reduce((n, b) => n + b.items.length, 0);
  const singleObject = hasNames && refs.length === 1 && total === 1;
  const now = inv.host.now();

  if (!(watching && flags.bool('watch-only'))) {
    if (output.kind === 'table') {
      const text = printTables(
        blocks.map((b) => ({ resource: b.info, items: b.items })),
        {
          now,
          wide: output.wide,
          noHeaders: flags.bool('no-headers'),
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.list('label-columns'),
          withNamespace: allNamespaces,
          withKindPrefix: flags.bool('show-kind') || blocks.length > 1 || inv.args[0]?.split(',').includes('all') ? true : undefined,
        },
      );
      inv.out(text);
    } else {
      inv.out(
        printObjects(blocks.flatMap((b) => b.items), output, { ...printOptions(flags, singleObject), noHeaders: flags.bool('no-headers') }),
      );
    }
  }
  for (const e of errors) inv.err(e);
  if (total === 0 && errors.length === 0 && !hasNames && output.kind === 'table' && !watching) {
    // get.go: any cluster-scoped kind asked for, or -A, drops the namespace (and the period)
    inv.err(allNamespaces || blocks.some((b) => !b.info.namespaced) ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  if (watching) {
    if (blocks.length !== 1) throw new CommandError('error: you may only specify a single resource type');
    await watchGet(inv, blocks[0], output, { allNamespaces, namespace, selector, fieldSelector });
  }
  return errors.length ? 1 : 0;
}

async function watchGet(
  inv: Invocation,
  block: Block,
  output: OutputSpec,
  scope: { allNamespaces: boolean; namespace: string; selector: string; fieldSelector: string },
): Promise<void> {
  const info = block.info;
  // the list route serves `?watch=true` only for a registry that can watch (NewMethodNotSupported)
  if (!info.verbs.includes('watch')) throw new ApiError('MethodNotAllowed', `watch is not supported on resources of kind "${qualifiedResource(info)}"`);
  const names = block.named ? new Set(block.items.map((o) => o.metadata.name)) : undefined;
  let printedHeader = block.items.length > 0 && !inv.flags.bool('watch-only');
  await watchLoop(inv, info.resource, (ev) => {
    const o = ev.object;
    if (info.namespaced && !scope.allNamespaces && o.metadata.namespace !== scope.namespace) return;
    if (names && !names.has(o.metadata.name)) return;
    const listed = inv.host.cluster.api.list(info.resource, {
      namespace: o.metadata.namespace,
      labelSelector: scope.selector || undefined,
      fieldSelector: scope.fieldSelector || undefined,
    });
    if (ev.type !== 'DELETED' && !listed.some((x) => x.metadata.uid === o.metadata.uid)) return;
    if (output.kind === 'table') {
      const text = printTable([o], {
        resource: info,
        now: inv.host.now(),
        wide: output.wide,
        noHeaders: printedHeader || inv.flags.bool('no-headers'),
        showLabels: inv.flags.bool('show-labels'),
        labelColumns: inv.flags.list('label-columns'),
        withNamespace: scope.allNamespaces,
      });
      printedHeader = true;
      inv.out(inv.flags.bool('output-watch-events') ? `${ev.type}   ${text}` : text);
    } else {
      inv.out(printObjects([o], output, printOptions(inv.flags, true)));
    }
  });
}
