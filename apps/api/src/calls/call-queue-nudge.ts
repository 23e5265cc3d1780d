import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  callChangedSignal,
  callQueueSignalWithStart,
  CAMPAIGN_WORKFLOW_TYPE,
  queuedCallWorkflowId,
} from '@engine/contracts';
import type { Campaign, Database } from '@engine/db';
import { setCallQueueWorkflowId } from '@engine/db';
import { DB, ENGINE_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens';

/**
 * Wakes the customer's call-queue workflow after calls were queued, starting it if it is not
 * running (`callQueueSignalWithStart`). A paused queue is signalled too: its calls wait until it
 * is resumed.
 */
@Injectable()
export class CallQueueNudge {
  private readonly logger = new Logger('calls');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /**
   * Best effort: the calls are stored already, so a Temporal outage must not turn the answer into
   * an error that invites a retry. The next request nudges again (a repeated one too), and the
   * queue workflow, once running, reads every queued call from the database.
   */
  async callsQueued(queue: Campaign): Promise<void> {
    const options = callQueueSignalWithStart(
      { id: queue.id, customerId: queue.customer_id, status: queue.status },
      this.config.taskQueue,
    );
    try {
      await this.temporal.workflow.signalWithStart(CAMPAIGN_WORKFLOW_TYPE, options);
      if (queue.workflow_id === null) await setCallQueueWorkflowId(this.db, queue.id, options.workflowId);
    } catch (err) {
      this.logger.warn(`call queue ${queue.id} not signalled: ${String(err)}`);
    }
  }

  /**
   * Tells a call's own workflow (`call-<id>`, there once the call was dialed) that the call
   * changed, e.g. it was cancelled while waiting for a retry; best effort, as its own timer
   * catches up anyway. A call never dialed has no workflow.
   */
  async callChanged(callId: string): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(queuedCallWorkflowId(callId)).signal(callChangedSignal);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError))
        this.logger.warn(`call ${callId} workflow not told: ${String(err)}`);
    }
  }
}
