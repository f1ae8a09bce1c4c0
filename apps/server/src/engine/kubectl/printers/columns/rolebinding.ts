// RoleBindings and ClusterRoleBindings (printers.go printRoleBinding, printClusterRoleBinding).

import type { KubeObject } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, wide, type ColumnSet } from '../table';
import { age } from './format';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
function subjectsStrings(subjects: readonly Subject[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

export const roleBindingColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Role'), AGE_COLUMN, wide('Users'), wide('Groups'), wide('ServiceAccounts')],
  row(rb: KubeObject, now) {
    const ref = (rb.roleRef ?? {}) as { kind?: string; name?: string };
    const [users, groups, sas] = subjectsStrings(rb.subjects as Subject[] | undefined);
    return [
      rb.metadata.name ?? '',
      `${ref.kind ?? ''}/${ref.name ?? ''}`,
      age(rb.metadata.creationTimestamp, now),
      users.join(', '),
      groups.join(', '),
      sas.join(', '),
    ];
  },
};
