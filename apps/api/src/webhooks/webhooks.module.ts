import { Module } from '@nestjs/common';
import { CallStatusService } from './call-status.service';
import { InboundSmsService } from './inbound-sms.service';
import { SmsStatusService } from './sms-status.service';
import { WebhooksController } from './webhooks.controller';

@Module({
  controllers: [WebhooksController],
  providers: [CallStatusService, SmsStatusService, InboundSmsService],
})
export class WebhooksModule {}
