import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CallQueueNudge } from './call-queue-nudge';
import { CallViewsService } from './call-views.service';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { QueueStatusController } from './queue-status.controller';
import { QueueSettingsService } from './queue-settings.service';
import { QueueStatusService } from './queue-status.service';

/** Seed 001's call queue: /api/calls and /api/queue. */
@Module({
  imports: [CampaignsModule],
  controllers: [CallsController, QueueStatusController],
  providers: [CallsService, CallViewsService, QueueStatusService, QueueSettingsService, CallQueueNudge],
})
export class CallsModule {}
