import { BadRequestException, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { mediaType, readCsvUpload } from '../common/csv-upload';
import { ParseId } from '../common/ids';
import { ImportResultView, ListProspectsQuery, ProspectPage, ProspectsUploadBody } from './prospect.dto';
import { prospectsFromCsv, ProspectsService } from './prospects.service';

/** Most prospects one JSON request may carry (the JSON body limit is 10 MB anyway). */
const MAX_JSON_PROSPECTS = 100_000;

@ApiTags('prospects')
@ApiBearerAuth()
@ApiExtraModels(ProspectsUploadBody)
@Controller('campaigns/:id/prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Post()
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Load prospects: JSON, or a CSV (text/csv body or multipart "file") with a phone column, streamed',
    description:
      'CSV: a header row with `phone` (any common format, stored as E.164) and optional `timezone` (IANA); every ' +
      'other column becomes a variable. Rows are validated one by one; numbers already in the campaign count as ' +
      'duplicates. The whole upload is loaded in one transaction: a malformed CSV loads nothing.',
  })
  @ApiConsumes('application/json', 'text/csv', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ProspectsUploadBody) },
        { type: 'string', description: 'CSV text (text/csv)' },
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
      ],
    },
  })
  @ApiOkResponse({ type: ImportResultView })
  @ApiNotFoundResponse()
  async upload(
    @CurrentCustomer() customer: Customer,
    @Param('id', ParseId) id: string,
    @Req() req: Request,
  ): Promise<ImportResultView> {
    if (mediaType(req) === 'application/json') {
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new BadRequestException('body must be an object {"prospects": [...]}');
      }
      const extra = Object.keys(body).filter((k) => k !== 'prospects');
      if (extra.length > 0) throw new BadRequestException(`property ${extra[0]} should not exist`);
      const list = (body as { prospects?: unknown }).prospects;
      if (!Array.isArray(list)) throw new BadRequestException('prospects must be an array');
      if (list.length > MAX_JSON_PROSPECTS) {
        throw new BadRequestException(
          `prospects must contain no more than ${MAX_JSON_PROSPECTS} elements; upload a CSV`,
        );
      }
      return this.prospects.import(customer.id, id, list);
    }
    // Check the campaign before reading a possibly large upload.
    await this.prospects.assertCanLoad(customer.id, id);
    return this.prospects.import(customer.id, id, prospectsFromCsv(readCsvUpload(req)));
  }

  @Get()
  @ApiOperation({ summary: "A campaign's prospects in load order (filter by status; cursor-paginated)" })
  @ApiOkResponse({ type: ProspectPage })
  @ApiNotFoundResponse()
  list(
    @CurrentCustomer() customer: Customer,
    @Param('id', ParseId) id: string,
    @Query() query: ListProspectsQuery,
  ): Promise<ProspectPage> {
    return this.prospects.list(customer.id, id, query);
  }
}
