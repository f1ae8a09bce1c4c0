// The check language: data types, their schema, and the pure evaluator.
export * from './types';
export { evaluateStep, evaluateCondition, commandMatches } from './evaluate';
export { parseCommandLine } from './parse-command';
export type { ParsedCommand } from './parse-command';
export { parseDuration } from './duration';
export { transitionFromWatch } from './transitions';
