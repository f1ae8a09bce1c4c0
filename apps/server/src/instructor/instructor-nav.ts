// The links between an instructor's pages of a classroom (views/partials/instructornav.hbs),
// with their own words in Spanish and English.
import type { Locale } from '../grading/checks/types';

export type InstructorSection = 'class' | 'tasks' | 'settings';

const WORDS = {
  label: { es: 'Secciones del aula', en: 'Classroom sections' },
  class: { es: 'Vista de la clase', en: 'Class view' },
  tasks: { es: 'Tareas propias', en: 'Custom tasks' },
  settings: { es: 'Ajustes (Discord)', en: 'Settings (Discord)' },
} as const;

export interface InstructorNav {
  label: string;
  links: { href: string; text: string; current: boolean }[];
}

export function instructorNav(classroomId: string, current: InstructorSection, locale: Locale): InstructorNav {
  const id = encodeURIComponent(classroomId);
  const sections: { key: InstructorSection; href: string }[] = [
    { key: 'class', href: `/classrooms/${id}/class` },
    { key: 'tasks', href: `/classrooms/${id}/tasks` },
    { key: 'settings', href: `/classrooms/${id}/settings` },
  ];
  return { label: WORDS.label[locale], links: sections.map((s) => ({ href: s.href, text: WORDS[s.key][locale], current: s.key === current })) };
}
