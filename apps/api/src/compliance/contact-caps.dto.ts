import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Highest caps a customer may set: beyond these a cap limits nothing a dialer could reach. */
export const MAX_CAP_PER_24H = 100;
export const MAX_CAP_PER_7D = 500;

const UpdateContactCapsSchema = z
  .object({
    per24h: z
      .number()
      .int()
      .min(1)
      .max(MAX_CAP_PER_24H)
      .nullable()
      .meta({ description: 'contacts per number per rolling 24 hours; null: the default', example: 3 }),
    per7d: z
      .number()
      .int()
      .min(1)
      .max(MAX_CAP_PER_7D)
      .nullable()
      .meta({ description: 'contacts per number per rolling 7 days; null: the default', example: 7 }),
  })
  .strict();
export type UpdateContactCaps = z.output<typeof UpdateContactCapsSchema>;
/** The body of `PUT /compliance/contact-caps`: both caps, whole (null: the default). */
export class UpdateContactCapsDto extends createZodDto(UpdateContactCapsSchema) {}

/** The caps that apply when a customer sets none. */
export class ContactCapsDefaults {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'contacts per number per rolling 24 hours' })
  per24h!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'contacts per number per rolling 7 days' })
  per7d!: number;
}

/** The customer's caps as stored (null: the default) with the defaults they fall back on. */
export class ContactCapsView {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_CAP_PER_24H,
    description: 'your cap per number per rolling 24 hours; null: the default',
  })
  per24h!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_CAP_PER_7D,
    description: 'your cap per number per rolling 7 days; null: the default',
  })
  per7d!: number | null;
  @ApiProperty({ type: ContactCapsDefaults }) defaults!: ContactCapsDefaults;
}
