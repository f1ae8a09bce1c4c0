import { instructorNav } from './instructor-nav';

describe('instructor navigation', () => {
  it("links a classroom's instructor pages, marking the current one, in the reader's language", () => {
    const nav = instructorNav('c 1', 'tasks', 'en');
    expect(nav.links).toEqual([
      { href: '/classrooms/c%201/class', text: 'Class view', current: false },
      { href: '/classrooms/c%201/tasks', text: 'Custom tasks', current: true },
      { href: '/classrooms/c%201/settings', text: 'Settings (Discord)', current: false },
    ]);
    expect(instructorNav('c1', 'class', 'es').links.map((l) => l.text)).toEqual(['Vista de la clase', 'Tareas propias', 'Ajustes (Discord)']);
  });
});
