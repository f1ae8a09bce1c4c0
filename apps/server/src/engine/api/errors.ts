// API errors as the API server returns them (metav1.Status), and the way kubectl prints them.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Gone'
  | 'RequestEntityTooLarge'
  | 'MethodNotAllowed'
  | 'InternalError'
  | 'Expired'
  /** metav1.StatusReasonUnknown: an error the API server did not classify (a 500) */
  | '';

export const STATUS_CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  MethodNotAllowed: 405,
  InternalError: 500,
  '': 500,
};

/** One validation failure: `metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 ...` */
export interface FieldError {
  field: string;
  /** the full text after `field: `, e.g. `Required value` or `Invalid value: "x": must be ...` */
  detail: string;
}

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: { kind?: string; name?: string; group?: string; causes?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): number {
    return STATUS_CODES[this.reason];
  }

  static notFound(qualifiedResource: string, name: string): ApiError {
    return new ApiError('NotFound', `${qualifiedResource} "${name}" not found`);
  }

  static alreadyExists(qualifiedResource: string, name: string): ApiError {
    return new ApiError('AlreadyExists', `${qualifiedResource} "${name}" already exists`);
  }

  static conflict(qualifiedResource: string, name: string, why: string): ApiError {
    return new ApiError(
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource} "${name}": ${why}`,
    );
  }

  /** `The Pod "Bad_Name" is invalid: ...` with one cause, or a `* ` list for several. */
  static invalid(kind: string, name: string, causes: FieldError[]): ApiError {
    const lines = causes.map((c) => `${c.field}: ${c.detail}`);
    const message =
      lines.length === 1
        ? `${kind} "${name}" is invalid: ${lines[0]}`
        : `${kind} "${name}" is invalid: [${lines.join(', ')}]`;
    return new ApiError('Invalid', message, { kind, name, causes });
  }

  static forbidden(qualifiedResource: string, name: string, why: string): ApiError {
    return new ApiError('Forbidden', `${qualifiedResource} "${name}" is forbidden: ${why}`);
  }

  static badRequest(message: string): ApiError {
    return new ApiError('BadRequest', message);
  }

  /** A verb the resource's registry does not implement: the route's 405, as the server words it. */
  static methodNotAllowed(): ApiError {
    return new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
