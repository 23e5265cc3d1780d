import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { IdParams } from '../common/contract/fields';
import { jsonOrCsvBody } from '../common/contract/upload-body';
import { parseRequestBody } from '../common/contract/validation-pipe';
import { mediaType, readCsvUpload } from '../common/csv-upload';
import { ListProspectsQuery, ProspectsUploadDto } from './prospect-input.schema';
import { prospectsFromCsv } from './prospect-rows';
import { ImportResultView, ProspectPage } from './prospect.view';
import { ProspectsService } from './prospects.service';

const CSV_DESCRIPTION =
  'CSV: a header row naming a `phone` column (also `phone_number`; any common format, stored as E.164) and ' +
  'optionally `timezone` (IANA); every other column becomes a variable. Streamed: the file is never held in ' +
  'memory (up to 512 MB).';

/** One operation, three encodings: JSON parsed by Express, CSV streamed by the handler. */
const UPLOAD_BODY = jsonOrCsvBody({
  jsonRef: getSchemaPath(ProspectsUploadDto),
  csv: { type: 'string', format: 'phone-csv', description: CSV_DESCRIPTION },
  filePart: { type: 'string', format: 'binary', description: `the CSV file. ${CSV_DESCRIPTION}` },
  formDescription: 'the CSV in the `file` part; other parts are ignored',
});

@ApiTags('prospects')
@ApiBearerAuth()
@ApiExtraModels(ProspectsUploadDto)
@Controller('campaigns/:id/prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Post()
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Load prospects: a JSON list, or a CSV (text/csv body, or multipart/form-data with a "file" part)',
    description:
      'Rows are checked one by one: a row whose phone is not a valid number, or whose zone is unknown, is ' +
      'listed in `rejected` and the others load; numbers already in the campaign count as `duplicates`. ' +
      'A malformed JSON row (wrong types, unknown keys) refuses the request with a 400 naming it. The whole ' +
      'upload is loaded in one transaction: a malformed CSV loads nothing.',
    requestBody: UPLOAD_BODY,
  })
  @ApiOkResponse({ type: ImportResultView })
  @ApiConflictResponse({ description: 'the campaign has finished (completed or cancelled)' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'a body other than application/json, text/csv or multipart/form-data',
  })
  async upload(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Req() req: Request,
  ): Promise<ImportResultView> {
    if (mediaType(req) === 'application/json') {
      // Validated here rather than by the global pipe: only a JSON request has a parsed body.
      const { prospects } = parseRequestBody(ProspectsUploadDto.schema, req.body);
      return this.prospects.import(customer.id, id, prospects);
    }
    // Check the campaign before reading a possibly large upload.
    await this.prospects.assertCanLoad(customer.id, id);
    return this.prospects.import(customer.id, id, prospectsFromCsv(readCsvUpload(req)));
  }

  @Get()
  @ApiOperation({ summary: "A campaign's prospects in load order (filter by status; cursor-paginated)" })
  @ApiOkResponse({ type: ProspectPage })
  list(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Query() query: ListProspectsQuery,
  ): Promise<ProspectPage> {
    return this.prospects.list(customer.id, id, query);
  }
}
