import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { DidsController } from './dids.controller';
import { DidsService } from './dids.service';

@Module({ imports: [CampaignsModule], controllers: [DidsController], providers: [DidsService] })
export class DidsModule {}
