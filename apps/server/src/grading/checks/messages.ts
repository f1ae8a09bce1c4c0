// Everything the check language says, in Spanish and English. kubectl words (pod, Service,
// Running) stay as Kubernetes spells them in both languages.

import { resourceByName } from '../../engine/api/resources';
import type { Locale } from './types';

export type Text = Record<Locale, string>;

export const tx = (es: string, en: string): Text => ({ es, en });

export function kindWord(resource: string): string {
  const info = resourceByName(resource);
  return info ? info.kind : resource;
}

export function list(items: string[], locale: Locale, max = 5): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const and = locale === 'es' ? 'y' : 'and';
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${and} ${shown[shown.length - 1]}`;
  return more > 0 ? `${text} (+${more})` : text;
}

export function expectedFound(expected: string, found: string, locale: Locale): string {
  return locale === 'es' ? `se esperaba ${expected}; se encontró ${found}` : `expected ${expected}, found ${found}`;
}

export const words = {
  none: tx('ninguno', 'none'),
  nothing: tx('nada', 'nothing'),
  notRun: tx('ningún comando así', 'no such command'),
  inNamespace: tx('en el espacio de nombres', 'in namespace'),
  inEveryNamespace: tx('en cualquier espacio de nombres', 'in any namespace'),
  labels: tx('con etiquetas', 'labelled'),
  phase: tx('en fase', 'in phase'),
  ready: tx('listo', 'ready'),
  notReady: tx('no listo', 'not ready'),
  namedLike: tx('con nombre que empieza por', 'named'),
};
