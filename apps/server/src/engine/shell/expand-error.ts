/** a failed expansion (`${X:?}`, bad arithmetic, ambiguous redirect); message without `bash: ` */
export class ExpansionError extends Error {}
