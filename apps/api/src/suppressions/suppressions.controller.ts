import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { readCsvUpload } from '../common/csv-upload';
import {
  BulkSuppressionResult,
  CreateSuppressionDto,
  ListSuppressionsQuery,
  SuppressionCheck,
  SuppressionCreated,
  SuppressionPage,
} from './suppression.dto';
import { SuppressionsService, suppressionsFromCsv } from './suppressions.service';

@ApiTags('suppressions')
@ApiBearerAuth()
@ApiExtraModels(SuppressionCreated, BulkSuppressionResult)
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Suppress one number ({phone, reason?}, 201) or many ({phones: [...], reason?}, 200)',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(SuppressionCreated) }, { $ref: getSchemaPath(BulkSuppressionResult) }],
    },
  })
  async create(
    @CurrentCustomer() customer: Customer,
    @Body() dto: CreateSuppressionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SuppressionCreated | BulkSuppressionResult> {
    if (dto.phones !== undefined) {
      res.status(200);
      return this.suppressions.addMany(
        customer.id,
        dto.phones.map((phone) => ({ phone })),
        'api',
        dto.reason ?? null,
      );
    }
    const created = await this.suppressions.addOne(customer.id, dto.phone ?? '', dto.reason);
    res.status(created.created ? 201 : 200);
    return created;
  }

  @Post('import')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a CSV (text/csv body or multipart "file") with a phone column and optional reason, streamed',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: BulkSuppressionResult })
  importCsv(@CurrentCustomer() customer: Customer, @Req() req: Request): Promise<BulkSuppressionResult> {
    return this.suppressions.addMany(customer.id, suppressionsFromCsv(readCsvUpload(req)), 'import', null);
  }

  @Get()
  @ApiOkResponse({ type: SuppressionPage })
  list(
    @CurrentCustomer() customer: Customer,
    @Query() query: ListSuppressionsQuery,
  ): Promise<SuppressionPage> {
    return this.suppressions.list(customer.id, query.limit, query.cursor);
  }

  @Get(':phone')
  @ApiOperation({ summary: 'Is this number suppressed? (URL-encode the +, e.g. %2B14155550123)' })
  @ApiOkResponse({ type: SuppressionCheck })
  check(@CurrentCustomer() customer: Customer, @Param('phone') phone: string): Promise<SuppressionCheck> {
    return this.suppressions.check(customer.id, phone);
  }

  @Delete(':phone')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'not suppressed' })
  remove(@CurrentCustomer() customer: Customer, @Param('phone') phone: string): Promise<void> {
    return this.suppressions.remove(customer.id, phone);
  }
}
