// The student-in-depth page's own words, in Spanish and English (the page script reads them from
// a data attribute: no inline script).
import type { Locale } from '../grading/checks/types';
import { inLocale } from './bilingual';

const MESSAGES = {
  back: { es: 'Volver a la vista de la clase', en: 'Back to the class view' },
  clusters: { es: 'Clústeres', en: 'Clusters' },
  openCluster: { es: 'Abrir (kubectl de solo lectura)', en: 'Open (read-only kubectl)' },
  checks: { es: 'Comprobaciones', en: 'Checks' },
  noChecks: { es: 'Aún no hay comprobaciones.', en: 'No checks yet.' },
  step: { es: 'Paso', en: 'Step' },
  result: { es: 'Resultado', en: 'Result' },
  expected: { es: 'Esperado', en: 'Expected' },
  found: { es: 'Encontrado', en: 'Found' },
  passed: { es: 'Superado', en: 'Passed' },
  failing: { es: 'Falla', en: 'Failing' },
  timeline: { es: 'Línea de tiempo', en: 'Timeline' },
  empty: { es: 'Sin entradas todavía.', en: 'No inputs yet.' },
  exitCode: { es: 'Código de salida', en: 'Exit code' },
  output: { es: 'Salida', en: 'Output' },
  more: { es: 'Cargar más', en: 'Load more' },
  scrub: { es: 'Estado tras la entrada', en: 'State after input' },
  stateAt: { es: 'El clúster tras la entrada {seq} ({time})', en: 'The cluster after input {seq} ({time})' },
  stateNow: { es: 'El clúster ahora ({time})', en: 'The cluster now ({time})' },
  newInputs: { es: '{n} entradas nuevas desde este punto.', en: '{n} new inputs since this point.' },
  newInput: { es: '1 entrada nueva desde este punto.', en: '1 new input since this point.' },
  backToNow: { es: 'Volver a ahora', en: 'Back to now' },
  liveOn: { es: 'Se actualiza en vivo.', en: 'Updating live.' },
  liveOff: { es: 'Sin actualizaciones en vivo: recarga la página.', en: 'Not updating live: reload the page.' },
  loading: { es: 'Cargando…', en: 'Loading…' },
  loadError: { es: 'No se pudo cargar: {message}', en: 'Could not load: {message}' },
  nodes: { es: 'Nodos', en: 'Nodes' },
  unscheduled: { es: 'Sin nodo', en: 'Not scheduled' },
  services: { es: 'Servicios', en: 'Services' },
  reset: { es: 'Reiniciar el clúster', en: 'Reset the cluster' },
  confirmReset: { es: '¿Reiniciar el clúster de {who}? Se perderá su estado actual.', en: "Reset {who}'s cluster? Its current state is lost." },
  snapshot: { es: 'Instantánea', en: 'Snapshot' },
  restore: { es: 'Restaurar la instantánea', en: 'Restore the snapshot' },
  noSnapshots: { es: 'Sin instantáneas', en: 'No snapshots' },
  confirmRestore: { es: '¿Restaurar la instantánea «{name}» en el clúster de {who}?', en: 'Restore snapshot "{name}" on {who}\'s cluster?' },
  done: { es: 'Hecho: el clúster está en la versión {version}.', en: 'Done: the cluster is at version {version}.' },
} as const;

export type StudentViewMessage = keyof typeof MESSAGES;

export function studentViewMessages(locale: Locale): Record<StudentViewMessage, string> {
  return inLocale(MESSAGES, locale);
}
