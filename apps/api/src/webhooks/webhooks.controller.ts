import type { RawBodyRequest } from '@nestjs/common';
import {
  BadRequestException,
  Controller,
  HttpCode,
  Inject,
  Logger,
  NotFoundException,
  Param,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ProviderRegistry } from '@engine/providers';
import { UnknownProviderError, WebhookPayloadError, WebhookSignatureError } from '@engine/providers';
import { Public } from '../auth/public.decorator';
import { PROVIDERS } from '../infrastructure/tokens';
import { CallStatusService } from './call-status.service';
import { InboundSmsService } from './inbound-sms.service';
import { SmsStatusService } from './sms-status.service';

/** Provider webhooks: signatures are verified over the raw body before anything is parsed. */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger('webhooks');

  constructor(
    @Inject(PROVIDERS) private readonly providers: ProviderRegistry,
    private readonly callStatus: CallStatusService,
    private readonly smsStatus: SmsStatusService,
    private readonly inboundSms: InboundSmsService,
  ) {}

  /** Runs `handle` on a verified webhook, mapping signature and payload errors to 401 and 400. */
  private async verified<T>(
    providerName: string,
    req: RawBodyRequest<Request>,
    handle: () => Promise<T>,
  ): Promise<T> {
    try {
      return await handle();
    } catch (err) {
      if (err instanceof UnknownProviderError)
        throw new NotFoundException(`unknown provider ${providerName}`);
      if (err instanceof WebhookSignatureError) {
        this.logger.warn(
          `refused ${providerName} webhook ${req.path} from ${req.ip}: ${err.reason} (${err.message})`,
        );
        throw new UnauthorizedException(`webhook signature ${err.reason}`);
      }
      if (err instanceof WebhookPayloadError) throw new BadRequestException(err.message);
      throw err;
    }
  }

  @Post(':provider/sms-status')
  @HttpCode(200)
  @ApiOperation({ summary: 'SMS delivery receipt from a carrier (signed)' })
  async smsStatusWebhook(@Param('provider') providerName: string, @Req() req: RawBodyRequest<Request>) {
    return this.verified(providerName, req, async () => {
      const update = this.providers
        .smsProviderFor(providerName)
        .parseDeliveryWebhook({ headers: req.headers, rawBody: req.rawBody ?? Buffer.alloc(0) });
      return { status: await this.smsStatus.apply(update) };
    });
  }

  @Post(':provider/inbound-sms')
  @HttpCode(200)
  @ApiOperation({ summary: 'Inbound SMS (replies: STOP, HELP, START) from a carrier (signed)' })
  async inboundSmsWebhook(@Param('provider') providerName: string, @Req() req: RawBodyRequest<Request>) {
    return this.verified(providerName, req, async () => {
      const inbound = this.providers
        .smsProviderFor(providerName)
        .parseInboundWebhook({ headers: req.headers, rawBody: req.rawBody ?? Buffer.alloc(0) });
      return { status: await this.inboundSms.handle(inbound) };
    });
  }

  @Post(':provider/call-status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Call status and AMD result from a carrier (signed)' })
  async callStatusWebhook(@Param('provider') providerName: string, @Req() req: RawBodyRequest<Request>) {
    let provider;
    try {
      provider = this.providers.providerFor(providerName);
    } catch (err) {
      if (err instanceof UnknownProviderError)
        throw new NotFoundException(`unknown provider ${providerName}`);
      throw err;
    }
    try {
      const event = provider.parseCallEvent({
        headers: req.headers,
        rawBody: req.rawBody ?? Buffer.alloc(0),
      });
      if (event.kind !== 'completed') return { status: 'ignored' };
      const disposition = await this.callStatus.deliver(event.update);
      return { status: disposition };
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        this.logger.warn(
          `refused ${providerName} call-status webhook from ${req.ip}: ${err.reason} (${err.message})`,
        );
        throw new UnauthorizedException(`webhook signature ${err.reason}`);
      }
      if (err instanceof WebhookPayloadError) throw new BadRequestException(err.message);
      throw err;
    }
  }
}
