import { STATUS_CODES } from 'node:http';
import type { ErrorAnswer } from './error-body';
import { ApiErrorCodes } from './error-body';

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return undefined;
}

/**
 * Shapes what a handler, guard or pipe threw (a string or an object such as
 * `{ message, field, code, errors }`) into the API's one error body.
 */
export function errorBody(status: number, response: unknown): ErrorAnswer {
  const fallbackCode =
    (ApiErrorCodes as Record<number, string>)[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
  if (typeof response === 'string') {
    return { statusCode: status, error: reasonPhrase(status), code: fallbackCode, message: response };
  }
  const r = (response ?? {}) as Record<string, unknown>;
  const body: ErrorAnswer = {
    statusCode: status,
    error: reasonPhrase(status),
    code: typeof r.code === 'string' ? r.code : fallbackCode,
    message: text(r.message) ?? reasonPhrase(status),
  };
  if (typeof r.field === 'string') body.field = r.field;
  if (Array.isArray(r.errors)) body.errors = r.errors as NonNullable<ErrorAnswer['errors']>;
  return body;
}
