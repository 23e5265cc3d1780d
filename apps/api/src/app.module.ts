import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CallsModule } from './calls/calls.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CarrierAccountsModule } from './carrier-accounts/carrier-accounts.module';
import { ContactCapsModule } from './compliance/contact-caps.module';
import { IdempotencyModule } from './common/idempotency';
import { ComplianceReportModule } from './compliance/compliance-report.module';
import { DidsModule } from './dids/dids.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ProspectsModule } from './prospects/prospects.module';
import { SuppressionsModule } from './suppressions/suppressions.module';
import { VoiceModule } from './voice/voice.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    InfrastructureModule,
    AuthModule,
    IdempotencyModule.forRoot(),
    HealthModule,
    WebhooksModule,
    VoiceModule,
    CampaignsModule,
    ProspectsModule,
    CallsModule,
    ComplianceReportModule,
    DidsModule,
    CarrierAccountsModule,
    SuppressionsModule,
    ContactCapsModule,
    EventsModule,
  ],
})
export class AppModule {}
