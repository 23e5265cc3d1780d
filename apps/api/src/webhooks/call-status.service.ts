import type { OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { CallOutcomeReport } from '@engine/contracts';
import type { EngineConfig } from '@engine/config';
import { callOutcomesSignal, campaignWorkflowId } from '@engine/contracts';
import type { Database } from '@engine/db';
import { attemptsNamedByStatusUpdate } from '@engine/db';
import type { CallOutcome, CallStatusUpdate } from '@engine/providers';
import { MicroBatcher } from '../common/micro-batcher';
import { DB, ENGINE_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { matchWebhookTarget } from './webhook-target';

export type CallStatusDisposition =
  | 'delivered'
  | 'unknown_attempt'
  /** The attempt id and the carrier's call id name different attempts: delivered to neither. */
  | 'attempt_mismatch'
  | 'campaign_not_running';

/**
 * Hands a verified call-status update to its campaign's workflow. The workflow records it
 * (idempotently): the webhook path does no bookkeeping of its own, so a carrier that retries a
 * webhook cannot make an outcome count twice. Updates of one campaign arriving within
 * `OUTCOME_BATCH_MS` travel in one `callOutcomes` signal; each webhook still answers only once
 * its signal was accepted, so a failure reaches the carrier, which retries.
 */
@Injectable()
export class CallStatusService implements OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  private readonly outcomes: MicroBatcher<CallOutcomeReport>;

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    this.outcomes = new MicroBatcher(
      (campaignId, reports) =>
        this.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).signal(callOutcomesSignal, reports),
      { maxDelayMs: config.env.OUTCOME_BATCH_MS, maxItems: config.env.OUTCOME_BATCH_MAX },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.outcomes.drain();
  }

  /**
   * `carrierAccountId`: the account whose secret verified the webhook (null: the environment's);
   * only its attempts qualify.
   */
  async deliver(update: CallStatusUpdate, carrierAccountId?: string | null): Promise<CallStatusDisposition> {
    // Only attempts placed through the carrier that sent the webhook qualify, whichever id matched.
    const candidates = await attemptsNamedByStatusUpdate(this.db, {
      ...update,
      ...(carrierAccountId === undefined ? {} : { carrierAccountId }),
    });
    const target = matchWebhookTarget(
      candidates,
      { ourId: update.attemptId, carrierId: update.providerCallId },
      (a) => a.provider_call_id,
    );
    if (target.kind === 'mismatch') {
      this.logger.warn(
        `call status names attempt ${update.attemptId} and ${update.provider} call ${update.providerCallId}, which disagree: ignored`,
      );
      return 'attempt_mismatch';
    }
    if (target.kind === 'unknown') {
      this.logger.warn(
        `call status for unknown attempt ${update.attemptId} (${update.provider} ${update.providerCallId})`,
      );
      return 'unknown_attempt';
    }
    const attempt = target.row;
    const report: CallOutcomeReport = {
      attemptId: attempt.id,
      outcome: withAmdVerdict(update.outcome, attempt.answered_by),
      durationSeconds: update.durationSeconds,
      spamFlagged: update.spamFlagged,
      occurredAt: update.occurredAt,
    };
    try {
      await this.outcomes.submit(attempt.campaign_id, report);
      return 'delivered';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        // The campaign finished (e.g. it resolved this call by timeout already): nothing to do.
        this.logger.warn(`call status for attempt ${attempt.id} after campaign ${attempt.campaign_id} ended`);
        return 'campaign_not_running';
      }
      throw err;
    }
  }
}

/**
 * Some carriers' final status does not repeat AMD's verdict: a call a machine answered (as a live
 * event said, or a voicemail was dropped on) is `voicemail`, however long it lasted.
 */
export function withAmdVerdict(outcome: CallOutcome, answeredBy: string | null): CallOutcome {
  const human = outcome === 'human_connected' || outcome === 'human_hangup';
  return human && answeredBy === 'machine' ? 'voicemail' : outcome;
}
