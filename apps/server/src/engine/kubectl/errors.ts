// How kubectl prints API errors (cmd/util/helpers.go checkErr / StandardErrorMessage).

import { ApiError } from '../api/errors';

/**
 * `Error from server (NotFound): pods "x" not found`; Invalid errors as
 * `The Pod "x" is invalid: <cause>` or, with several causes, one `* cause` per line.
 */
export function formatApiError(e: ApiError, source?: { verb: string; file: string }): string {
  if (e.reason === 'Invalid' && e.details.causes?.length) {
    const causes = e.details.causes;
    const head = `The ${e.details.kind} "${e.details.name}" is invalid: `;
    if (causes.length === 1) return `${head}${causes[0].field}: ${causes[0].detail}\n`;
    return `${head}\n${causes.map((c) => `* ${c.field}: ${c.detail}`).join('\n')}\n`;
  }
  const where = source ? `error when ${source.verb} "${source.file}": ` : '';
  // an unclassified error (StatusReasonUnknown, the empty reason) has no parenthesis
  return e.reason ? `Error from server (${e.reason}): ${where}${e.message}\n` : `Error from server: ${where}${e.message}\n`;
}

/**
 * The errors a command collected, printed as cmdutil.CheckErr prints its error: one alone as it
 * is (`error: ...`), several (an Aggregate, MultipleErrors) one per line without the `error: `
 * prefix, API errors still as `Error from server (...)`.
 */
export function aggregateErrors(errors: readonly string[]): string {
  if (errors.length < 2) return errors.join('');
  return errors.map((e) => (e.startsWith('error: ') ? e.slice('error: '.length) : e)).join('');
}
