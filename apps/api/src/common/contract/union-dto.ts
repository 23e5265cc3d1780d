import type { ZodDto } from 'nestjs-zod';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';

/**
 * A DTO class for a request schema that is a union (e.g. a discriminated union on `provider` or
 * `channel`, so the document says `oneOf` with each variant's fields). TypeScript cannot make a
 * union a class's instance type, so the class carries the schema (validation and the document)
 * with `Fields` as its instance type: the fields all variants share (plain `object` by default);
 * a handler that needs a variant reads the parsed value as `z.output<typeof schema>`.
 */
export function createUnionDto<Fields extends object = object>(
  schema: z.ZodType<NoInfer<Fields>>,
): Omit<ZodDto<z.ZodType<Fields>>, never> & (new () => Fields) {
  return createZodDto(schema) as unknown as Omit<ZodDto<z.ZodType<Fields>>, never> & (new () => Fields);
}
