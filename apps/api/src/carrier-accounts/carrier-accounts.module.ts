import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CarrierAccountsController } from './carrier-accounts.controller';
import { CarrierAccountsService } from './carrier-accounts.service';
import { CarrierCredentialsKey } from './carrier-credentials-key';

@Module({
  imports: [CampaignsModule],
  controllers: [CarrierAccountsController],
  providers: [CarrierAccountsService, CarrierCredentialsKey],
})
export class CarrierAccountsModule {}
