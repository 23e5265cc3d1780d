import { BadRequestException } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { z, ZodError } from 'zod';

/** The path of a zod issue as the client spelled it: `mode.calls_per_second`, `phones[3]`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describe(issue: ZodError['issues'][number], field: string): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (field === '' ? k : `${field}.${k}`));
    return `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')} (not part of this request)`;
  }
  if (issue.code === 'invalid_type') {
    // zod does not report the input by default; its message ends with what it received.
    if (field === '') return 'body must be a JSON object (Content-Type: application/json)';
    if (/received undefined$/.test(issue.message)) return `${field} is required`;
    if (/received array$/.test(issue.message)) return `${field} must be given once, not repeated`;
  }
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

/**
 * A zod failure as the API's 400: `message` states the first problem naming its field, `field`
 * is that field, `errors` lists all of them (up to 20).
 */
export function validationFailure(error: ZodError): BadRequestException {
  const errors = error.issues.slice(0, 20).map((issue) => {
    const base = fieldPath(issue.path);
    const field =
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? base === ''
          ? issue.keys[0]
          : `${base}.${issue.keys[0]}`
        : base;
    return { field: field === '' ? 'body' : field, message: describe(issue, base) };
  });
  const first = errors[0];
  return new BadRequestException({
    message: first ? first.message : 'request is invalid',
    ...(first && { field: first.field }),
    code: 'validation_failed',
    errors,
  });
}

/** The global pipe: every `@Body()`, `@Query()` and `@Param()` typed with a zod DTO is parsed by it. */
export const ApiValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => validationFailure(error as ZodError),
});

/**
 * A body the handler reads itself (it chooses JSON or a CSV stream by Content-Type), parsed as
 * the global pipe would: the parsed value, or the same 400 naming the field.
 */
export function parseRequestBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationFailure(parsed.error);
  return parsed.data;
}
