import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { parseRequestBody } from '../common/contract/validation-pipe';
import { mediaType, readCsvUpload } from '../common/csv-upload';
import {
  BulkSuppressionResult,
  CreateSuppressionDto,
  type CreateSuppression,
  createSuppressionSchemaFor,
  SUPPRESSIONS_BODY,
  ListSuppressionsQuery,
  PhoneParams,
  SuppressionCreated,
  SuppressionPage,
  SuppressionView,
} from './suppression.dto';
import { SuppressionsService, suppressionsFromCsv } from './suppressions.service';

@ApiTags('suppressions')
@ApiBearerAuth()
@ApiExtraModels(CreateSuppressionDto, SuppressionCreated, BulkSuppressionResult)
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  // One route for JSON and CSV (chosen by Content-Type), as prospects are loaded: a separate
  // /suppressions/import would share its path with /suppressions/{phone}.
  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Suppress one number ({phone, reason?}), many ({phones, reason?}), or a CSV (streamed)',
    description:
      'One number: 201 when it is newly suppressed, 200 with `created: false` when it already was (the ' +
      'original entry is kept). Many, or a CSV (text/csv body or multipart "file" part): 200 with counts; ' +
      'numbers that are not valid are reported per row.',
    requestBody: SUPPRESSIONS_BODY(getSchemaPath(CreateSuppressionDto)),
  })
  @ApiCreatedResponse({ type: SuppressionCreated, description: 'the number is newly suppressed' })
  @ApiOkResponse({
    description:
      'one number that was already suppressed (SuppressionCreated), or the result of a list or CSV',
    schema: {
      oneOf: [{ $ref: getSchemaPath(SuppressionCreated) }, { $ref: getSchemaPath(BulkSuppressionResult) }],
    },
  })
  @ApiUnsupportedMediaTypeResponse({
    description:
      'not application/json, a CSV type (text/csv, application/csv, text/plain) or multipart/form-data',
  })
  async create(
    @CurrentCustomer() customer: Customer,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SuppressionCreated | BulkSuppressionResult> {
    if (mediaType(req) !== 'application/json') {
      res.status(200);
      return this.suppressions.addMany(customer.id, suppressionsFromCsv(readCsvUpload(req)), 'import', null);
    }
    const dto: CreateSuppression = parseRequestBody(createSuppressionSchemaFor(req.body), req.body);
    if ('phones' in dto) {
      res.status(200);
      return this.suppressions.addMany(
        customer.id,
        dto.phones.map((phone) => ({ phone })),
        'api',
        dto.reason ?? null,
      );
    }
    const created = await this.suppressions.addOne(customer.id, dto.phone, dto.reason);
    res.status(created.created ? 201 : 200);
    return created;
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
  @ApiOperation({ summary: "The number's suppression entry; 404 when it is not suppressed" })
  @ApiOkResponse({ type: SuppressionView })
  @ApiNotFoundResponse({ description: 'the number is not suppressed (for you)' })
  get(@CurrentCustomer() customer: Customer, @Param() { phone }: PhoneParams): Promise<SuppressionView> {
    return this.suppressions.get(customer.id, phone);
  }

  // A real DELETE: the entry is gone, so its URL then answers 404 to GET and to a second DELETE
  // (the number may be suppressed again with POST, a new entry).
  @Delete(':phone')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Lift a suppression: the number may be contacted again',
    description: 'Afterwards GET and DELETE on this URL answer 404 until the number is suppressed again.',
  })
  @ApiNoContentResponse({ description: 'the entry is removed' })
  @ApiNotFoundResponse({ description: 'the number is not suppressed (for you)' })
  remove(@CurrentCustomer() customer: Customer, @Param() { phone }: PhoneParams): Promise<void> {
    return this.suppressions.remove(customer.id, phone);
  }
}
