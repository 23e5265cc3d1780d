import {
  All,
  Controller,
  ForbiddenException,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import { findAttemptForCallPlan } from '@engine/db';
import type { CallDocumentPurpose, CarrierDirectory } from '@engine/providers';
import { verifyDocumentSignature } from '@engine/providers';
import { Public } from '../auth/public.decorator';
import { CARRIERS, DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import { callPlanFor } from './call-plan';

const PURPOSES: readonly CallDocumentPurpose[] = ['answer', 'voicemail'];

/**
 * The documents carriers fetch for a call (TwiML for Twilio, Plivo XML): what to do once the call
 * is answered, and the voicemail drop. The URL is signed by the worker that placed the call
 * (`exp`, `sig`): only the carrier it was handed to can fetch it. Carriers fetch with GET or POST.
 */
@Public()
@ApiExcludeController()
@Controller('voice/attempts')
export class CallDocumentsController {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CARRIERS) private readonly carriers: CarrierDirectory,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  @All(':attemptId/:purpose')
  async document(
    @Param('attemptId') attemptId: string,
    @Param('purpose') purpose: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const known = PURPOSES.find((p) => p === purpose);
    if (!known) throw new NotFoundException(`no ${purpose} document: purpose must be answer or voicemail`);
    if (!verifyDocumentSignature(this.config.env.WEBHOOK_SECRET, attemptId, known, exp, sig)) {
      throw new ForbiddenException('document URL signature is invalid or expired');
    }
    const attempt = await findAttemptForCallPlan(this.db, attemptId);
    if (!attempt) throw new NotFoundException(`no attempt ${attemptId}`);
    const { carrier } = await this.carriers.forAccount(attempt.carrier_account_id);
    const plan = callPlanFor(attempt, this.config.env.AGENT_STREAM_URL);
    const document = carrier.answerDocument(plan, known);
    if (!document) throw new NotFoundException(`${carrier.name} calls fetch no documents`);
    res.status(200).type(document.contentType).send(document.body);
  }
}
