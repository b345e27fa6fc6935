import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/errors.js';
import { AppError } from '../lib/app-error.js';

function fieldOf(path: string | undefined, where: string | undefined): string {
  const clean = (path ?? '').replace(/^\//, '').replace(/\//g, '.');
  return clean || where || 'body';
}

/** One error shape for the whole API: `{code, message, field?}`; a 5xx never shows internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let body: ErrorBody = { code: 'internal', message: 'Something went wrong on our side; it has been logged' };
    if (error instanceof AppError) {
      status = error.status;
      body = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = fieldOf(first?.instancePath, error.validationContext);
      const keys = first?.keyword === 'unrecognized_keys' ? ((first.params as { keys?: string[] }).keys ?? []) : [];
      const detail = keys.length ? `unknown field (allowed fields are in the API documentation)` : (first?.message ?? 'is invalid');
      const name = keys.length ? [field === 'body' || field === error.validationContext ? '' : field, keys[0]].filter(Boolean).join('.') : field;
      status = 400;
      body = { code: 'validation_failed', message: `${name}: ${detail}`, field: name };
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    } else if (error.statusCode === 429) {
      status = 429;
      body = { code: 'rate_limited', message: error.message || 'Too many requests; slow down and retry later' };
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      body = { code: 'payload_too_large', message: 'The request body is too large' };
    } else if (error.statusCode === 415) {
      status = 415;
      body = { code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json)' };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode === 404 ? 404 : 400;
      body = { code: status === 404 ? 'not_found' : 'bad_request', message: error.message };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });
}
