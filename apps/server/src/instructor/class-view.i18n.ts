// The class view's own words, in Spanish and English (the page script reads them from a
// data attribute: no inline script).
import type { Locale } from '../grading/checks/types';
import { inLocale } from './bilingual';

const MESSAGES = {
  title: { es: 'Vista de la clase', en: 'Class view' },
  student: { es: 'Estudiante', en: 'Student' },
  online: { es: 'En línea', en: 'Online' },
  offline: { es: 'Desconectado', en: 'Offline' },
  passed: { es: 'Superado', en: 'Passed' },
  partial: { es: 'En parte', en: 'Partly passed' },
  failing: { es: 'Falla', en: 'Failing' },
  current: { es: 'En este paso', en: 'On this step' },
  failingStudents: { es: '{n} estudiantes fallan', en: '{n} students failing' },
  mostFailed: { es: '{n}: {text}', en: '{n}: {text}' },
  filter: { es: 'Filtrar estudiantes', en: 'Filter students' },
  lesson: { es: 'Lección', en: 'Lesson' },
  sort: { es: 'Ordenar por', en: 'Sort by' },
  sortName: { es: 'Nombre', en: 'Name' },
  sortProgress: { es: 'Progreso', en: 'Progress' },
  sortStuck: { es: 'Tiempo en el paso', en: 'Time on step' },
  onlyOnline: { es: 'Solo en línea', en: 'Online only' },
  onlyStuck: { es: 'Solo con fallos', en: 'Only failing' },
  updated: { es: 'Actualizado {time}', en: 'Updated {time}' },
  loadError: { es: 'No se pudo actualizar la vista', en: 'Could not update the view' },
  heat: { es: 'Fallos', en: 'Failures' },
  score: { es: 'puntuación', en: 'score' },
  minutes: { es: '{n} min', en: '{n} min' },
} as const;

export type ClassViewMessage = keyof typeof MESSAGES;

export function classViewMessages(locale: Locale): Record<ClassViewMessage, string> {
  return inLocale(MESSAGES, locale);
}
