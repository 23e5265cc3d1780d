import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CallQueueDefaults } from '@engine/contracts';

const UpdateQueueSettingsSchema = z
  .object({
    calls_per_second: z
      .number()
      .min(CallQueueDefaults.minCallsPerSecond)
      .max(CallQueueDefaults.maxCallsPerSecond)
      .nullable()
      .meta({ description: 'calls your queue dials per second at most; null: the default', example: 5 }),
  })
  .strict();
export type UpdateQueueSettings = z.output<typeof UpdateQueueSettingsSchema>;
/** The body of `PUT /queue/settings` (null: the default). */
export class UpdateQueueSettingsDto extends createZodDto(UpdateQueueSettingsSchema) {}

/** The queue's pace as set (null: the default) and the pace in force. */
export class QueueSettingsView {
  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: CallQueueDefaults.minCallsPerSecond,
    maximum: CallQueueDefaults.maxCallsPerSecond,
    description: 'your pace; null: the default',
  })
  calls_per_second!: number | null;
  @ApiProperty({ description: 'the pace in force: yours, else the default' })
  effective_calls_per_second!: number;
}
