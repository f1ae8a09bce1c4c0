// --overrides and --override-type of `run` and `expose` (kubectl's cmdutil.Overrider): a JSON
// fragment applied to the generated object before it is sent, as a JSON merge patch (default),
// a strategic merge patch or a JSON patch.

import { KubeObject } from '../api/types';
import { CommandError } from './context';
import { Invocation } from './command';
import { FlagSpec } from './flags';
import { applyPatch } from './verbs/patch';

export const OVERRIDE_FLAGS: FlagSpec[] = [
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string', default: 'merge' },
];

export function applyOverrides(inv: Invocation, obj: KubeObject): KubeObject {
  const text = inv.flags.str('overrides');
  if (!text) return obj;
  const type = inv.flags.str('override-type') || 'merge';
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') throw new CommandError(`error: invalid override type: ${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch {
    // evanphx/json-patch's words for a fragment that is not JSON
    throw new CommandError(type === 'merge' ? 'error: Invalid JSON Patch' : `error: invalid JSON in --overrides: ${text}`);
  }
  return applyPatch(obj, patch, type);
}
