// The check language: data types, their schema, and the pure evaluator.
export * from './types';
export { evaluateStep, evaluateCondition, commandMatches } from './evaluate';
export { parseCommandLine, ParsedCommand } from './parse-command';
export { parseDuration } from './duration';
