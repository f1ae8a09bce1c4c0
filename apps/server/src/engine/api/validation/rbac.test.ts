import { validateBindingUpdate } from './rbac';

const ref = (kind: string, name: string) => ({ roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name } });

describe('validateBindingUpdate', () => {
  it('lets a binding be created, and updated with the same roleRef', () => {
    expect(validateBindingUpdate(ref('Role', 'a'))).toEqual([]);
    expect(validateBindingUpdate(ref('Role', 'a'), ref('Role', 'a'))).toEqual([]);
  });

  it("refuses a changed roleRef with the API server's field error (%#v of rbac.RoleRef)", () => {
    expect(validateBindingUpdate(ref('Role', 'b'), ref('Role', 'a'))).toEqual([
      { field: 'roleRef', detail: 'Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"b"}: cannot change roleRef' },
    ]);
    expect(validateBindingUpdate(ref('ClusterRole', 'a'), ref('Role', 'a'))).toHaveLength(1);
    expect(validateBindingUpdate({ roleRef: { kind: 'Role', name: 'a' } }, ref('Role', 'a'))).toEqual([
      { field: 'roleRef', detail: 'Invalid value: rbac.RoleRef{APIGroup:"", Kind:"Role", Name:"a"}: cannot change roleRef' },
    ]);
  });
});
