import { ERROR_CODES, type ErrorCode, type FieldIssue } from '@jing/contracts';

/**
 * A failure with a stable code. Services throw these; the HTTP layer maps
 * them to the error envelope in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} ${id} not found`, { what, id });
export const forbidden = (message = 'not allowed') => new DomainError('forbidden', message);
export const unauthenticated = () => new DomainError('unauthenticated', 'sign in first');
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);

/** A validation failure of one or more fields. */
export function invalid(issues: FieldIssue[]): DomainError {
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid input';
  return new DomainError('validation_failed', issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message, { issues });
}
export const invalidField = (path: string, message: string) => invalid([{ path, message }]);
