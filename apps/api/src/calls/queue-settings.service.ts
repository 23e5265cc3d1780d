import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { CallQueueDefaults, campaignWorkflowId, settingsChangedSignal } from '@engine/contracts';
import type { Database } from '@engine/db';
import { callQueuePace, findOpenCallQueue, setCallQueuePace } from '@engine/db';
import { DB, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import type { QueueSettingsView, UpdateQueueSettings } from './queue-settings.dto';

/** The customer's call-queue pace: stored, and applied by a running queue at its next turn. */
@Injectable()
export class QueueSettingsService {
  private readonly logger = new Logger('calls');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async get(customerId: string): Promise<QueueSettingsView> {
    const pace = (await callQueuePace(this.db, customerId)) ?? null;
    return { calls_per_second: pace, effective_calls_per_second: pace ?? CallQueueDefaults.callsPerSecond };
  }

  async set(customerId: string, update: UpdateQueueSettings): Promise<QueueSettingsView> {
    await setCallQueuePace(this.db, customerId, update.calls_per_second);
    const queue = await findOpenCallQueue(this.db, customerId);
    if (queue) {
      try {
        await this.temporal.workflow.getHandle(campaignWorkflowId(queue.id)).signal(settingsChangedSignal);
      } catch (err) {
        // Not running: the queue starts with the new pace when calls come.
        if (!(err instanceof WorkflowNotFoundError))
          this.logger.warn(`call queue ${queue.id} not told of its new pace: ${String(err)}`);
      }
    }
    return this.get(customerId);
  }
}
