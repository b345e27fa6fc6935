import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';

/** The one error type services throw; the error handler turns it into `{code, message, field}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('forbidden', message);
export const versionConflict = (what: string) =>
  new AppError('version_conflict', `${what} was changed by someone else since you read it; reload and try again`, 'version');
export const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, field);
