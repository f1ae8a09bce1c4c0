// Small helpers the pod validators share.

import { FieldError } from '../errors';
import { invalid, notSupported, required } from './field';
import { NEGATIVE_ERROR, isDNS1123Label } from './names';

export const dnsLabel = (value: string, path: string): FieldError[] => isDNS1123Label(value).map((m) => invalid(path, value, m));

export const nonNegative = (value: unknown, path: string): FieldError[] =>
  typeof value === 'number' && value < 0 ? [invalid(path, value, NEGATIVE_ERROR)] : [];

/** A required enum: `Required value` when empty, `Unsupported value` when unknown. */
export function validateEnum(value: unknown, supported: readonly string[], path: string): FieldError[] {
  if (value === undefined || value === '') return [required(path)];
  return supported.includes(String(value)) ? [] : [notSupported(path, String(value), supported)];
}
