import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';

@Module({ imports: [CampaignsModule], controllers: [ProspectsController], providers: [ProspectsService] })
export class ProspectsModule {}
