import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import {
  attemptsNamedByStatusUpdate,
  findAttemptForCallPlan,
  markVoicemailDropped,
  recordAnsweredBy,
} from '@engine/db';
import type { CallEvent, CarrierHandle } from '@engine/providers';
import { signedDocumentUrl } from '@engine/providers';
import { publicApiUrl } from '@engine/activities';
import { DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import { callPlanFor } from '../voice/call-plan';
import type { CallStatusDisposition } from './call-status.service';
import { CallStatusService } from './call-status.service';
import { matchWebhookTarget } from './webhook-target';

export type CallEventDisposition = CallStatusDisposition | 'responded';

/**
 * A verified call webhook. The final status goes to the campaign's workflow (`CallStatusService`);
 * a live event (answered, AMD verdict, beep, playback ended) is acted on at once with the
 * attempt's plan: the carrier's adapter knows what its carrier needs (a voicemail drop, the agent
 * bridge on carriers driven by commands). AMD's verdict is kept on the attempt, for carriers
 * whose final status does not repeat it.
 */
@Injectable()
export class CallEventsService {
  private readonly logger = new Logger('webhooks');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly callStatus: CallStatusService,
  ) {}

  async handle(
    handle: CarrierHandle,
    accountId: string | null,
    event: CallEvent,
  ): Promise<CallEventDisposition> {
    if (event.kind === 'completed') return this.callStatus.deliver(event.update, accountId);
    const candidates = await attemptsNamedByStatusUpdate(this.db, { ...event, carrierAccountId: accountId });
    const target = matchWebhookTarget(
      candidates,
      { ourId: event.attemptId, carrierId: event.providerCallId },
      (a) => a.provider_call_id,
    );
    if (target.kind === 'mismatch') return 'attempt_mismatch';
    if (target.kind === 'unknown') {
      this.logger.warn(`${event.kind} event for unknown attempt ${event.attemptId} (${event.provider})`);
      return 'unknown_attempt';
    }
    const attemptId = target.row.id;
    const verdict = event.kind === 'beep' ? 'machine' : event.answeredBy;
    if (verdict && verdict !== 'unknown') await recordAnsweredBy(this.db, attemptId, verdict);
    const source = await findAttemptForCallPlan(this.db, attemptId);
    if (!source) return 'unknown_attempt';
    const { env } = this.config;
    const apiUrl = publicApiUrl(env);
    const reaction = await handle.carrier.respond(event, callPlanFor(source, env.AGENT_STREAM_URL), {
      answerUrl: signedDocumentUrl(apiUrl, env.WEBHOOK_SECRET, attemptId, 'answer'),
      voicemailUrl: signedDocumentUrl(apiUrl, env.WEBHOOK_SECRET, attemptId, 'voicemail'),
    });
    if (reaction.voicemailDropped) await markVoicemailDropped(this.db, attemptId);
    return 'responded';
  }
}
