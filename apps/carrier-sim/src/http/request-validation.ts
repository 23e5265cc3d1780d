import type { z } from 'zod';
import { firstIssue } from '../zod-issue';

/** A request body or query string that failed validation; answered 400 naming the field. */
export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'RequestValidationError';
    this.field = field;
  }
}

/**
 * Validates `input` (a body or a query) against `schema`.
 *
 * @throws RequestValidationError naming the first offending field (`fallback` for the whole input).
 */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown, fallback = 'body'): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error, fallback);
  throw new RequestValidationError(field, message);
}
