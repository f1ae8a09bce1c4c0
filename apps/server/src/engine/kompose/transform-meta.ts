// Labels and annotations kompose puts on what it generates (transformer.ConfigLabels,
// ConfigAllLabels, ConfigAnnotations).

import { ServiceConfig } from './compose-types';

export const SELECTOR = 'io.kompose.service';

export function selectorLabels(name: string): Record<string, string> {
  return { [SELECTOR]: name };
}

export interface AnnotationOptions {
  withKomposeAnnotation: boolean;
  /** the command line, as kompose.cmd records it */
  cmd: string;
  version: string;
}

/** the service's own labels (kompose.* settings excluded) plus kompose.cmd and kompose.version */
export function configAnnotations(svc: ServiceConfig, opts: AnnotationOptions): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.annotations)) if (!k.startsWith('kompose.')) out[k] = v;
  if (opts.withKomposeAnnotation) {
    out['kompose.cmd'] = opts.cmd;
    out['kompose.version'] = opts.version;
  }
  return Object.keys(out).length ? out : undefined;
}
