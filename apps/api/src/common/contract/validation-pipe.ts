import { BadRequestException } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodError } from 'zod';

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
  // Zod 4 leaves `input` out of issues unless asked to report it (which would echo values such as
  // credentials): a missing value is recognised by the default message instead.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `${field || 'body'} is required`;
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
    return { field, message: describe(issue, base) };
  });
  const first = errors[0];
  return new BadRequestException({
    message: first ? first.message : 'request is invalid',
    ...(first && first.field !== '' && { field: first.field }),
    code: 'validation_failed',
    errors,
  });
}

/** The global pipe: every `@Body()`, `@Query()` and `@Param()` typed with a zod DTO is parsed by it. */
export const ApiValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => validationFailure(error as ZodError),
});
