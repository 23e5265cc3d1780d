import type { RawBodyRequest } from '@nestjs/common';
import { Controller, HttpCode, HttpStatus, Logger, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CarrierHandle, WebhookInput } from '@engine/providers';
import { WebhookPayloadError, WebhookSignatureError } from '@engine/providers';
import { Public } from '../auth/public.decorator';
import { apiError } from '../common/contract/error-body';
import { CallEventsService } from './call-events.service';
import { InboundSmsService } from './inbound-sms.service';
import { SmsStatusService } from './sms-status.service';
import { WebhookCarriers } from './webhook-carriers';
import {
  AccountWebhookParams,
  CallWebhookAnswer,
  InboundSmsWebhookAnswer,
  SmsStatusWebhookAnswer,
  WEBHOOK_BODY,
  WEBHOOK_STATUSES,
  WebhookParams,
} from './webhook.dto';

/** Twilio and Plivo expect an XML acknowledgement (the engine sends its replies itself). */
const XML_ACK = { schema: { type: 'string', description: 'an empty TwiML / Plivo XML response' } };
const INBOUND_ANSWER = {
  description: 'JSON for the simulator and Telnyx; an empty XML response for Twilio (text/xml) and Plivo',
  content: {
    'application/json': { schema: { $ref: getSchemaPath(InboundSmsWebhookAnswer) } },
    'text/xml': XML_ACK,
    'application/xml': XML_ACK,
  },
};

type WebhookKind = 'call-status' | 'sms-status' | 'inbound-sms';

/**
 * Carrier webhooks, per carrier account: `/api/webhooks/<provider>/accounts/<id>/<kind>` (the
 * environment's account: `/api/webhooks/<provider>/<kind>`). Each is verified with that account's
 * own scheme and secret over the raw body (and the public URL, where the carrier signs it) before
 * anything is parsed; a forged or altered one answers 401, and so does a replay (a delivery id seen
 * before). Nothing changes in either case.
 */
@ApiTags('webhooks')
@Public()
@ApiExtraModels(InboundSmsWebhookAnswer)
@ApiBadRequestResponse(WEBHOOK_STATUSES.badRequest)
@ApiUnauthorizedResponse(WEBHOOK_STATUSES.unauthorized)
@ApiNotFoundResponse(WEBHOOK_STATUSES.notFound)
@ApiConflictResponse(WEBHOOK_STATUSES.conflict)
@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger('webhooks');

  constructor(
    private readonly carriers: WebhookCarriers,
    private readonly callEvents: CallEventsService,
    private readonly smsStatus: SmsStatusService,
    private readonly inboundSms: InboundSmsService,
  ) {}

  @Post(':provider/call-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Call events (progress, AMD, final status) for the configured carrier (signed)',
    requestBody: WEBHOOK_BODY,
  })
  @ApiOkResponse({ type: CallWebhookAnswer })
  callStatus(@Param() { provider }: WebhookParams, @Req() req: RawBodyRequest<Request>) {
    return this.callStatusFor(provider, null, req);
  }

  @Post(':provider/accounts/:accountId/call-status')
  @HttpCode(200)
  @ApiOperation({
    summary: "Call events for one carrier account (signed with the account's secret)",
    requestBody: WEBHOOK_BODY,
  })
  @ApiOkResponse({ type: CallWebhookAnswer })
  accountCallStatus(
    @Param() { provider, accountId }: AccountWebhookParams,
    @Req() req: RawBodyRequest<Request>,
  ) {
    return this.callStatusFor(provider, accountId, req);
  }

  @Post(':provider/sms-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'SMS delivery receipt for the configured carrier (signed)',
    requestBody: WEBHOOK_BODY,
  })
  @ApiOkResponse({ type: SmsStatusWebhookAnswer })
  smsStatusWebhook(@Param() { provider }: WebhookParams, @Req() req: RawBodyRequest<Request>) {
    return this.smsStatusFor(provider, null, req);
  }

  @Post(':provider/accounts/:accountId/sms-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'SMS delivery receipt for one carrier account (signed)',
    requestBody: WEBHOOK_BODY,
  })
  @ApiOkResponse({ type: SmsStatusWebhookAnswer })
  accountSmsStatus(
    @Param() { provider, accountId }: AccountWebhookParams,
    @Req() req: RawBodyRequest<Request>,
  ) {
    return this.smsStatusFor(provider, accountId, req);
  }

  @Post(':provider/inbound-sms')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Inbound SMS (STOP, HELP, START) for the configured carrier (signed)',
    requestBody: WEBHOOK_BODY,
  })
  @ApiOkResponse(INBOUND_ANSWER)
  inboundSmsWebhook(
    @Param() { provider }: WebhookParams,
    @Req() req: RawBodyRequest<Request>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.inboundFor(provider, null, req, res);
  }

  @Post(':provider/accounts/:accountId/inbound-sms')
  @HttpCode(200)
  @ApiOperation({ summary: 'Inbound SMS for one carrier account (signed)', requestBody: WEBHOOK_BODY })
  @ApiOkResponse(INBOUND_ANSWER)
  accountInboundSms(
    @Param() { provider, accountId }: AccountWebhookParams,
    @Req() req: RawBodyRequest<Request>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.inboundFor(provider, accountId, req, res);
  }

  private callStatusFor(provider: string, accountId: string | null, req: RawBodyRequest<Request>) {
    return this.verified(provider, accountId, 'call-status', req, async (handle, input) => {
      const event = handle.carrier.parseCallEvent(input);
      const deliveryId = event.kind === 'completed' ? event.update.deliveryId : event.deliveryId;
      return this.once(handle, deliveryId, async () => ({
        status: await this.callEvents.handle(handle, this.carriers.storedAccountId(handle), event),
      }));
    });
  }

  private smsStatusFor(provider: string, accountId: string | null, req: RawBodyRequest<Request>) {
    return this.verified(provider, accountId, 'sms-status', req, async (handle, input) => {
      const update = handle.carrier.parseDeliveryWebhook(input);
      return this.once(handle, update.deliveryId, async () => ({
        status: await this.smsStatus.apply(update, this.carriers.storedAccountId(handle)),
      }));
    });
  }

  private inboundFor(
    provider: string,
    accountId: string | null,
    req: RawBodyRequest<Request>,
    res: Response,
  ) {
    return this.verified(provider, accountId, 'inbound-sms', req, async (handle, input) => {
      const inbound = handle.carrier.parseInboundWebhook(input);
      const status = await this.once(handle, inbound.deliveryId, () =>
        this.inboundSms.handle(inbound, handle),
      );
      // Twilio expects TwiML back (an empty <Response/>: the engine sends its reply itself).
      const ack = handle.carrier.inboundSmsAcknowledgement();
      if (!ack) return { status };
      res.type(ack.contentType);
      return ack.body;
    });
  }

  /**
   * Applies a verified webhook once per delivery id: a second delivery (a replay) answers 401 and
   * changes nothing; a failed one is forgotten so that the carrier's retry is applied.
   */
  private async once<T>(
    handle: CarrierHandle,
    deliveryId: string | undefined,
    apply: () => Promise<T>,
  ): Promise<T> {
    if (!(await this.carriers.claimDelivery(handle, deliveryId))) {
      throw new WebhookSignatureError('replayed', `delivery ${deliveryId} was already received`);
    }
    try {
      return await apply();
    } catch (err) {
      await this.carriers.releaseDelivery(handle, deliveryId);
      throw err;
    }
  }

  /** Resolves the route's account and maps signature and payload errors to 401 and 400. */
  private async verified<T>(
    provider: string,
    accountId: string | null,
    kind: WebhookKind,
    req: RawBodyRequest<Request>,
    handle: (carrier: CarrierHandle, input: WebhookInput) => Promise<T>,
  ): Promise<T> {
    const carrier = await this.carriers.resolve(provider, accountId);
    try {
      return await handle(carrier, this.carriers.input(req));
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        this.logger.warn(
          `refused ${provider} ${kind} webhook from ${req.ip}: ${err.reason} (${err.message})`,
        );
        throw apiError(HttpStatus.UNAUTHORIZED, `webhook signature ${err.reason}`, { code: 'bad_signature' });
      }
      if (err instanceof WebhookPayloadError)
        throw apiError(HttpStatus.BAD_REQUEST, err.message, { code: 'invalid_payload' });
      throw err;
    }
  }
}
