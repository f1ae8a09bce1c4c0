// Role, ClusterRole, RoleBinding and ClusterRoleBinding describers (describe.go), with kubectl's
// rbac.BreakdownRule / CompactRules / SortableRuleSlice. These describers show no events.
import type { KubeObject } from '../../../api/types';
import type { DescribeContext } from './describe-context';
import { goSlice, printAnnotationsMultiline, printLabelsMultiline } from './describe-format';
import { LEVEL_0, LEVEL_1, tabbedString } from './describe-writer';

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface RoleLike extends KubeObject {
  rules?: PolicyRule[];
}

interface BindingLike extends KubeObject {
  roleRef?: { apiGroup?: string; kind?: string; name?: string };
  subjects?: { kind?: string; apiGroup?: string; name?: string; namespace?: string }[];
}

/** rbac.BreakdownRule: one rule per group × resource (× resource name), one per non-resource URL. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if ((rule.resourceNames ?? []).length > 0) {
        for (const rn of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], resourceNames: [rn], verbs: rule.verbs });
      } else {
        out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/**
 * rbac.CompactRules: rules naming one group and one resource (and at most one name) merge their
 * verbs; Go then appends the merged rules in map order, which the stable sort below makes moot
 * except for identical keys.
 */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple =
      (r.resourceNames ?? []).length <= 1 &&
      (r.nonResourceURLs ?? []).length === 0 &&
      (r.apiGroups ?? []).length === 1 &&
      (r.resources ?? []).length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      const verbs = existing.verbs ?? [];
      for (const v of r.verbs ?? []) if (!verbs.includes(v)) verbs.push(v);
      existing.verbs = verbs;
    } else {
      simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
    }
  }
  return [...compacted, ...simple.values()];
}

/** The generated PolicyRule.String() that SortableRuleSlice compares. */
function ruleString(r: PolicyRule): string {
  return (
    `&PolicyRule{Verbs:${goSlice(r.verbs)},APIGroups:${goSlice(r.apiGroups)},Resources:${goSlice(r.resources)},` +
    `ResourceNames:${goSlice(r.resourceNames)},NonResourceURLs:${goSlice(r.nonResourceURLs)},}`
  );
}

/** CombineResourceGroup: `resource.group/subresource`. */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (!resources || resources.length === 0) return '';
  const [res, sub] = splitOnce(resources[0], '/');
  let out = res;
  if (groups && groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function describeRole(role: RoleLike): string {
  const rules = compactRules((role.rules ?? []).flatMap(breakdownRule)).map((r) => ({ r, s: ruleString(r) }));
  rules.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const { r } of rules) {
      w.write(
        LEVEL_1,
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${goSlice(r.nonResourceURLs)}\t${goSlice(r.resourceNames)}\t${goSlice(r.verbs)}\n`,
      );
    }
  });
}

function describeBinding(b: BindingLike): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${b.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', b.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}

export const describeRoleObject = (role: KubeObject, _ctx: DescribeContext): string => describeRole(role as RoleLike);
export const describeBindingObject = (b: KubeObject, _ctx: DescribeContext): string => describeBinding(b as BindingLike);
