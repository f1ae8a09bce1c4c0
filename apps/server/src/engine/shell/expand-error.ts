/** a failed expansion (`${X:?}`, bad arithmetic, ambiguous redirect); message without `bash: ` */
export class ExpansionError extends Error {}

/**
 * An assignment to a readonly variable (`NAME: readonly variable`): an assignment statement
 * abandons the line, as an expansion error does; a builtin that assigns (read, let, printf -v,
 * for) fails with status 1 and the line goes on.
 */
export class ReadonlyError extends ExpansionError {
  constructor(name: string) {
    super(`${name}: readonly variable`);
  }
}
