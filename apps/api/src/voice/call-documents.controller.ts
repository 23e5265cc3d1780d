import {
  Controller,
  ForbiddenException,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import { findAttemptForCallPlan } from '@engine/db';
import type { CarrierDirectory } from '@engine/providers';
import { verifyDocumentSignature } from '@engine/providers';
import { Public } from '../auth/public.decorator';
import { CARRIERS, DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import {
  CALL_DOCUMENT_ANSWER,
  CALL_DOCUMENT_BODY,
  CallDocumentParams,
  CallDocumentQuery,
} from './call-document.dto';
import { callPlanFor } from './call-plan';

const FORBIDDEN = { description: 'the URL signature (exp, sig) is invalid or expired' };
const NOT_FOUND = { description: 'no such attempt, or its carrier fetches no documents (Telnyx, simulator)' };

/**
 * The documents carriers fetch for a call (TwiML for Twilio, Plivo XML): what to do once the call
 * is answered, and the voicemail drop. The URL is signed by the worker that placed the call
 * (`exp`, `sig`): only the carrier it was handed to can fetch it. Carriers fetch with GET or POST
 * (their choice per number or application), so both are served; any other method is a 405.
 */
@Public()
@ApiTags('voice')
@Controller('voice/attempts')
export class CallDocumentsController {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CARRIERS) private readonly carriers: CarrierDirectory,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  @Get(':attemptId/:purpose')
  @ApiOperation({ summary: 'A call document, fetched by the carrier with GET (signed URL)' })
  @ApiOkResponse(CALL_DOCUMENT_ANSWER)
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  fetchWithGet(
    @Param() params: CallDocumentParams,
    @Query() query: CallDocumentQuery,
    @Res() res: Response,
  ): Promise<void> {
    return this.document(params, query, res);
  }

  @Post(':attemptId/:purpose')
  @ApiOperation({
    summary: 'A call document, fetched by the carrier with POST (signed URL)',
    requestBody: CALL_DOCUMENT_BODY,
  })
  @ApiOkResponse(CALL_DOCUMENT_ANSWER)
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  fetchWithPost(
    @Param() params: CallDocumentParams,
    @Query() query: CallDocumentQuery,
    @Res() res: Response,
  ): Promise<void> {
    return this.document(params, query, res);
  }

  private async document(
    { attemptId, purpose }: CallDocumentParams,
    { exp, sig }: CallDocumentQuery,
    res: Response,
  ): Promise<void> {
    if (!verifyDocumentSignature(this.config.env.WEBHOOK_SECRET, attemptId, purpose, exp, sig)) {
      throw new ForbiddenException('document URL signature is invalid or expired');
    }
    const attempt = await findAttemptForCallPlan(this.db, attemptId);
    if (!attempt) throw new NotFoundException(`no attempt ${attemptId}`);
    const { carrier } = await this.carriers.forAccount(attempt.carrier_account_id);
    const plan = callPlanFor(attempt, this.config.env.AGENT_STREAM_URL);
    const document = carrier.answerDocument(plan, purpose);
    if (!document) throw new NotFoundException(`${carrier.name} calls fetch no documents`);
    res.status(200).type(document.contentType).send(document.body);
  }
}
