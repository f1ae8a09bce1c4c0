import { checksSource, formValues, parseChecksSource, parseTaskForm, type FieldError } from './task-form';
import { EXAMPLE_TASK } from './task-example';

const errorsOf = (r: object): FieldError[] => ('errors' in r ? (r.errors as FieldError[]) : []);

describe('the task form', () => {
  it('accepts the example as the REST API would store it', () => {
    const r = parseTaskForm(EXAMPLE_TASK, 'en');
    if (!('task' in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.task.title).toBe('web (CKA)');
    expect(r.task.checks).toHaveLength(5);
    expect(r.task.checks[2]).toEqual({ id: 'ready', type: 'field', resource: 'deployments', namespace: 'exam', name: 'web', test: { path: 'status.readyReplicas', equals: 3 } });
  });

  it('reads JSON as well as YAML', () => {
    const r = parseChecksSource('[{"type": "exists", "resource": "pods", "name": "web"}]', 'en');
    expect(r).toEqual({ checks: [{ type: 'exists', resource: 'pods', name: 'web' }] });
  });

  it('tells each bad condition with its line and path, in the page language', () => {
    const source = ['- type: exists', '  resource: pods', '- type: exist', '  resource: pods', '- type: count', '  resource: pods', '  atLeast: many', '- type: exists', '  resoruce: pods'].join('\n');
    const en = errorsOf(parseChecksSource(source, 'en'));
    expect(en).toEqual(
      expect.arrayContaining([
        { field: 'checks', line: 3, path: 'checks.1.type', message: expect.stringContaining('Unknown condition type "exist": use one of exists, absent') },
        { field: 'checks', line: 7, path: 'checks.2.atLeast', message: expect.stringMatching(/expected number/) },
        { field: 'checks', line: 9, path: 'checks.3.resoruce', message: 'Unknown field "resoruce"' },
        // a missing field is told at its condition
        { field: 'checks', line: 8, path: 'checks.3.resource', message: expect.any(String) },
      ]),
    );
    const es = errorsOf(parseChecksSource(source, 'es'));
    expect(es.find((e) => e.path === 'checks.1.type')?.message).toMatch(/^Tipo de condición desconocido «exist»/);
    expect(es.find((e) => e.path === 'checks.3.resoruce')?.message).toBe('Campo desconocido «resoruce»');
  });

  it('tells a YAML syntax error with its line, and refuses what is not a list', () => {
    const bad = errorsOf(parseChecksSource('- type: exists\n  resource: [pods\n', 'en'));
    expect(bad[0]).toMatchObject({ field: 'checks', message: expect.stringMatching(/^Invalid YAML: /) });
    expect(bad[0].line).toBeGreaterThanOrEqual(2);
    expect(errorsOf(parseChecksSource('type: exists\nresource: pods\n', 'en'))).toEqual([{ field: 'checks', line: 1, message: expect.stringContaining('list of conditions') }]);
    expect(errorsOf(parseChecksSource('  \n# nothing\n', 'es'))).toEqual([{ field: 'checks', message: 'Escribe al menos una condición.' }]);
    expect(errorsOf(parseChecksSource('- &a {type: exists, resource: pods}\n- *a\n' + 'x'.repeat(60_001), 'en'))[0].message).toMatch(/too long/);
  });

  it('tells a missing title and description beside their fields, with the checks problems', () => {
    const r = parseTaskForm(formValues({ title: ' ', descriptionEs: 'hola', checks: '- type: nope' }), 'en');
    const fields = errorsOf(r).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'descriptionEn', 'checks']));
    expect(fields).not.toContain('descriptionEs');
  });

  it('shows stored conditions as YAML that reads back the same', () => {
    const r = parseTaskForm(EXAMPLE_TASK, 'en');
    if (!('task' in r)) throw new Error('example invalid');
    expect(parseChecksSource(checksSource(r.task.checks), 'en')).toEqual({ checks: r.task.checks });
  });
});
