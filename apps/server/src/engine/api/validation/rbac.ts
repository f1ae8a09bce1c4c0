// RBAC objects are stored, not enforced (nothing authorizes by them). Of their validation
// (pkg/apis/rbac/validation) the simulation keeps the update rule a student meets when
// re-applying a binding: its roleRef cannot change (delete and create the binding instead).

import { FieldError } from '../errors';
import { goQuote, invalid, raw } from './field';

interface RoleRef {
  apiGroup?: unknown;
  kind?: unknown;
  name?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** ValidateRoleBindingUpdate / ValidateClusterRoleBindingUpdate: the roleRef check */
export function validateBindingUpdate(obj: { roleRef?: RoleRef }, old?: { roleRef?: RoleRef }): FieldError[] {
  if (!old) return [];
  const now = obj.roleRef ?? {};
  const before = old.roleRef ?? {};
  if (text(now.apiGroup) === text(before.apiGroup) && text(now.kind) === text(before.kind) && text(now.name) === text(before.name)) return [];
  // the internal rbac.RoleRef has no String method: field.Error prints it with %#v
  const value = `rbac.RoleRef{APIGroup:${goQuote(text(now.apiGroup))}, Kind:${goQuote(text(now.kind))}, Name:${goQuote(text(now.name))}}`;
  return [invalid('roleRef', raw(value), 'cannot change roleRef')];
}
