import { Module } from '@nestjs/common';
import { ComplianceReportController } from './compliance-report.controller';
import { ComplianceReportService } from './compliance-report.service';

/** `GET /api/campaigns/:id/compliance`: the proof, attempt by attempt, that a campaign kept the rules. */
@Module({ controllers: [ComplianceReportController], providers: [ComplianceReportService] })
export class ComplianceReportModule {}
