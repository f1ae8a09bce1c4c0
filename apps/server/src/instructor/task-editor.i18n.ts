// The custom-task editor's own words, in Spanish and English (its script reads them from a data
// attribute: no inline script). `{name}` marks are filled in with fillParams() (web/i18n).
import type { Locale } from '../grading/checks/types';
import { inLocale } from './bilingual';

const MESSAGES = {
  tasks: { es: 'Tareas propias', en: 'Custom tasks' },
  intro: {
    es: 'Tareas que tú escribes en el lenguaje de comprobaciones del curso, para tareas evaluables y exámenes al estilo del CKA.',
    en: "Tasks you write in the course's check language, for graded assignments and CKA-style exams.",
  },
  none: { es: 'Aún no hay tareas propias.', en: 'No custom tasks yet.' },
  newTask: { es: 'Nueva tarea', en: 'New task' },
  fromExample: { es: 'Nueva tarea a partir del ejemplo', en: 'New task from the example' },
  editTitle: { es: 'Editar «{title}»', en: 'Edit "{title}"' },
  title: { es: 'Título', en: 'Title' },
  conditions: { es: 'Condiciones', en: 'Conditions' },
  conditionCount: { es: '{n} condiciones', en: '{n} conditions' },
  updated: { es: 'Modificada', en: 'Updated' },
  usedIn: { es: 'En las tareas evaluables', en: 'In assignments' },
  weightIn: { es: '«{title}» (peso {weight})', en: '"{title}" (weight {weight})' },
  notUsed: { es: 'En ninguna tarea evaluable', en: 'In no assignment' },
  edit: { es: 'Editar', en: 'Edit' },
  weights: { es: 'Peso de la tarea en cada tarea evaluable', en: "The task's weight in each assignment" },
  weightFor: { es: 'Peso en «{title}»', en: 'Weight in "{title}"' },
  weightHelp: { es: 'Un peso cambiado cuenta en la próxima calificación o recalificación de esa tarea evaluable.', en: "A changed weight counts in that assignment's next grading or re-grade." },
  descriptionEs: { es: 'Enunciado en español (markdown)', en: 'Statement in Spanish (markdown)' },
  descriptionEn: { es: 'Enunciado en inglés (markdown)', en: 'Statement in English (markdown)' },
  checks: { es: 'Comprobaciones (YAML o JSON)', en: 'Checks (YAML or JSON)' },
  checksHelp: {
    es: 'Una lista de condiciones del lenguaje de comprobaciones: exists, absent, count, field, selects, command, transition, replaced. Cada condición puede llevar un peso (weight) para la puntuación parcial; el peso de la tarea en una tarea evaluable se da al añadirla a ella.',
    en: "A list of conditions of the check language: exists, absent, count, field, selects, command, transition, replaced. Each condition may carry a weight for partial credit; the task's weight in an assignment is given when it is added to one.",
  },
  preview: { es: 'Vista previa del enunciado', en: 'Statement preview' },
  save: { es: 'Guardar', en: 'Save' },
  create: { es: 'Crear la tarea', en: 'Create the task' },
  saved: { es: 'Guardada.', en: 'Saved.' },
  invalid: { es: 'No se ha guardado: corrige los campos marcados.', en: 'Not saved: correct the fields marked.' },
  line: { es: 'línea {n}', en: 'line {n}' },
  delete: { es: 'Borrar la tarea', en: 'Delete the task' },
  inUse: { es: 'No se ha borrado: la tarea está en {list}. Quítala de ahí primero.', en: 'Not deleted: the task is part of {list}. Take it out first.' },
  deleted: { es: 'Tarea borrada.', en: 'Task deleted.' },
  back: { es: 'Volver a las tareas propias', en: 'Back to the custom tasks' },
  example: { es: 'Ejemplo: una tarea al estilo del CKA', en: 'Example: a CKA-style task' },
  useExample: { es: 'Empezar con este ejemplo', en: 'Start from this example' },
  tryIt: { es: 'Probar en mi clúster', en: 'Try it on my cluster' },
  tryHelp: {
    es: 'Evalúa las comprobaciones tal como están escritas (aunque no estén guardadas) contra tu propio clúster de esta aula. Construye el estado en su terminal y vuelve a probar.',
    en: 'Evaluates the checks as written (saved or not) against your own cluster in this classroom. Build the state in its terminal and try again.',
  },
  trying: { es: 'Probando…', en: 'Trying…' },
  tryResult: { es: 'Resultado en tu clúster (versión {version})', en: 'Result on your cluster (version {version})' },
  passed: { es: 'Superada', en: 'Passed' },
  failed: { es: 'No superada', en: 'Not passed' },
  score: { es: 'Puntuación: {score} %', en: 'Score: {score}%' },
  conditionPassed: { es: 'Se cumple', en: 'Met' },
  conditionFailed: { es: 'No se cumple', en: 'Not met' },
  expected: { es: 'Esperado', en: 'Expected' },
  found: { es: 'Encontrado', en: 'Found' },
  hint: { es: 'Pista', en: 'Hint' },
  openTerminal: { es: 'Abrir el terminal de mi clúster', en: "Open my cluster's terminal" },
  createCluster: { es: 'Crear mi clúster y abrir su terminal', en: 'Create my cluster and open its terminal' },
  tryError: { es: 'No se pudo probar: {message}', en: 'Could not try it: {message}' },
} as const;

export type TaskEditorMessage = keyof typeof MESSAGES;
export type TaskEditorLabels = Record<TaskEditorMessage, string>;

export function taskEditorMessages(locale: Locale): TaskEditorLabels {
  return inLocale(MESSAGES, locale);
}
