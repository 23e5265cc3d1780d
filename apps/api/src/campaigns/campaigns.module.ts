import { Module } from '@nestjs/common';
import { CampaignsController } from './campaigns.controller';
import { CampaignNotifier } from './campaign-notifier';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignNotifier],
  exports: [CampaignsService, CampaignNotifier],
})
export class CampaignsModule {}
