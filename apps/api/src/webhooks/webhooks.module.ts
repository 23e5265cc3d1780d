import { Module } from '@nestjs/common';
import { CallEventsService } from './call-events.service';
import { CallStatusService } from './call-status.service';
import { InboundSmsService } from './inbound-sms.service';
import { SmsStatusService } from './sms-status.service';
import { WebhookCarriers } from './webhook-carriers';
import { WebhooksController } from './webhooks.controller';

@Module({
  controllers: [WebhooksController],
  providers: [CallStatusService, CallEventsService, SmsStatusService, InboundSmsService, WebhookCarriers],
})
export class WebhooksModule {}
