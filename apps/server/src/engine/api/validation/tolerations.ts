// Tolerations (ValidateTolerations) and taint effects.

import { FieldError } from '../errors';
import { goQuote, invalid, notSupported, raw } from './field';
import { isQualifiedName, isValidLabelValue } from './names';

export function validateToleration(t: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (t?.key) for (const m of isQualifiedName(t.key)) errs.push(invalid(`${path}.key`, t.key, m));
  if (!t?.key && t?.operator !== 'Exists') {
    errs.push(invalid(`${path}.operator`, String(t?.operator ?? ''), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null && t?.effect !== 'NoExecute') {
    errs.push(invalid(`${path}.effect`, String(t?.effect ?? ''), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  const op = t?.operator ?? '';
  if (op === 'Equal' || op === '') {
    const msgs = isValidLabelValue(String(t?.value ?? ''));
    if (msgs.length) errs.push(invalid(`${path}.operator`, String(t?.value ?? ''), msgs.join(';')));
  } else if (op === 'Exists') {
    if (t?.value) errs.push(invalid(`${path}.operator`, raw(goToleration(t)), "value must be empty when `operator` is 'Exists'"));
  } else {
    errs.push(notSupported(`${path}.operator`, String(op), ['Equal', 'Exists']));
  }
  if (t?.effect) errs.push(...validateTaintEffect(t.effect, `${path}.effect`));
  return errs;
}

/** Not sorted: the real list is in this order. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: unknown, path: string): FieldError[] {
  return TAINT_EFFECTS.includes(String(effect)) ? [] : [notSupported(path, String(effect), TAINT_EFFECTS)];
}

function goToleration(t: any): string {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(0x${'c000000000'})`;
  return `core.Toleration{Key:${goQuote(String(t.key ?? ''))}, Operator:${goQuote(String(t.operator ?? ''))}, Value:${goQuote(String(t.value ?? ''))}, Effect:${goQuote(String(t.effect ?? ''))}, TolerationSeconds:${secs}}`;
}

