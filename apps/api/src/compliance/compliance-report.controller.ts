import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { IdParams } from '../common/contract/fields';
import { COMPLIANCE_CSV_COLUMNS } from './compliance-report.csv';
import { ComplianceReportPage, ComplianceReportQuery, ComplianceSummaryView } from './compliance-report.dto';
import { ComplianceReportService } from './compliance-report.service';
import { streamComplianceCsv } from './compliance-report.stream';

const DESCRIPTION =
  'Every contact attempt of the campaign (calls originated, texts sent) in the order they were made, with the ' +
  "recipient's local time in each of its zones, the rules that set the allowed hours that day, and the first " +
  'allowed instant. `outside_window` flags an attempt outside those hours, `after_opt_out` one made after the ' +
  'recipient opted out (STOP, or a suppression entry) without opting back in (START). A compliant campaign has ' +
  'no flags. JSON pages by cursor; CSV (`Accept: text/csv` or `format=csv`) is the whole campaign, columns: ' +
  `${COMPLIANCE_CSV_COLUMNS.join(', ')} (several zones, rules or flags in one cell are separated by ";").`;

@ApiTags('compliance')
@ApiBearerAuth()
@ApiExtraModels(ComplianceReportPage)
@Controller('campaigns/:id/compliance')
export class ComplianceReportController {
  constructor(private readonly reports: ComplianceReportService) {}

  @Get()
  @ApiOperation({
    summary: "A campaign's compliance report: every contact attempt and the rules it met",
    description: DESCRIPTION,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'a page of the report (JSON), or the whole report (CSV)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ComplianceReportPage) } },
      'text/csv': { schema: { type: 'string', description: 'header row, then one record per attempt' } },
    },
  })
  async report(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Query() query: ComplianceReportQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const campaign = await this.reports.campaign(customer.id, id);
    const csv =
      query.format === 'csv' ||
      (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) {
      res.status(200).json(await this.reports.page(campaign, query));
      return;
    }
    await streamComplianceCsv(res, campaign.id, this.reports.items(campaign, query.flagged === 'true'));
  }

  @Get('summary')
  @ApiOperation({ summary: "Counts of a campaign's compliance report: attempts, flagged attempts, by flag" })
  @ApiOkResponse({ type: ComplianceSummaryView })
  async summary(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
  ): Promise<ComplianceSummaryView> {
    return this.reports.summary(await this.reports.campaign(customer.id, id));
  }
}
