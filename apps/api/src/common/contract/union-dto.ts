import type { ZodDto } from 'nestjs-zod';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';

/**
 * A DTO class for a request schema that is a union (e.g. a discriminated union on `provider`, so
 * the document says `oneOf` with each variant's fields). TypeScript cannot make a union a class's
 * instance type, so the class carries the schema (validation and the document) with a plain object
 * instance type; the handler reads the parsed value as `z.output<typeof schema>`.
 */
export function createUnionDto(schema: z.ZodType<object>): ZodDto<z.ZodType<object>> {
  return createZodDto(schema);
}
