// Pod affinity validation (validateAffinity): node selector terms and their requirements,
// preferred-term weights, pod (anti-)affinity terms' topology keys and label selectors.

import { FieldError } from '../errors';
import { forbidden, invalid, required } from './field';
import { validateLabelSelector } from './meta';
import { isDNS1123Label, isQualifiedName } from './names';

function nodeSelectorRequirement(rq: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values: unknown[] = rq?.values ?? [];
  switch (rq?.operator) {
    case 'In':
    case 'NotIn':
      if (!values.length) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, String(rq?.operator ?? ''), 'not a valid selector operator'));
  }
  for (const m of isQualifiedName(String(rq?.key ?? ''))) errs.push(invalid(`${path}.key`, String(rq?.key ?? ''), m));
  return errs;
}

function nodeSelectorTerm(term: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (term?.matchExpressions ?? []).forEach((rq: any, i: number) => errs.push(...nodeSelectorRequirement(rq, `${path}.matchExpressions[${i}]`)));
  (term?.matchFields ?? []).forEach((rq: any, i: number) => {
    const p = `${path}.matchFields[${i}]`;
    if (rq?.key !== 'metadata.name') errs.push(invalid(`${p}.key`, String(rq?.key ?? ''), 'not a valid field selector key'));
    if (rq?.operator !== 'In' && rq?.operator !== 'NotIn') errs.push(invalid(`${p}.operator`, String(rq?.operator ?? ''), 'not a valid selector operator'));
    if ((rq?.values ?? []).length !== 1) errs.push(required(`${p}.values`, 'must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector'));
  });
  return errs;
}

function podAffinityTerm(term: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(term?.labelSelector, `${path}.labelSelector`));
  errs.push(...validateLabelSelector(term?.namespaceSelector, `${path}.namespaceSelector`));
  (term?.namespaces ?? []).forEach((ns: string) => {
    for (const m of isDNS1123Label(String(ns))) errs.push(invalid(`${path}.namespace`, String(ns), m));
  });
  const key = String(term?.topologyKey ?? '');
  if (!key) errs.push(required(`${path}.topologyKey`, 'can not be empty'));
  // the key is checked as a label name even when empty, so an empty one is reported thrice
  for (const m of isQualifiedName(key)) errs.push(invalid(`${path}.topologyKey`, key, m));
  return errs;
}

function weighted(terms: any[] | undefined, path: string, inner: (t: any, p: string) => FieldError[], innerName: string): FieldError[] {
  const errs: FieldError[] = [];
  (terms ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (typeof t?.weight !== 'number' || t.weight < 1 || t.weight > 100) errs.push(invalid(`${p}.weight`, t?.weight ?? 0, 'must be in the range 1-100'));
    errs.push(...inner(t?.[innerName], `${p}.${innerName}`));
  });
  return errs;
}

export function validateAffinity(affinity: any, path: string): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (req) {
      const p = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
      const terms: any[] = req.nodeSelectorTerms ?? [];
      if (!terms.length) errs.push(required(`${p}.nodeSelectorTerms`, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...nodeSelectorTerm(t, `${p}.nodeSelectorTerms[${i}]`)));
    }
    errs.push(...weighted(na.preferredDuringSchedulingIgnoredDuringExecution, `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`, nodeSelectorTerm, 'preference'));
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = affinity[kind];
    if (!pa) continue;
    (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t: any, i: number) =>
      errs.push(...podAffinityTerm(t, `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
    );
    errs.push(...weighted(pa.preferredDuringSchedulingIgnoredDuringExecution, `${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution`, podAffinityTerm, 'podAffinityTerm'));
  }
  return errs;
}
