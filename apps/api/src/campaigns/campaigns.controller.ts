import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { IdParams } from '../common/contract/fields';
import {
  CancelCampaignDto,
  CreateCampaignDto,
  ListCampaignsQuery,
  PauseCampaignDto,
  UpdateCampaignDto,
} from './campaign-input.schema';
import { CampaignPage, CampaignStatsView, CampaignTransitionView, CampaignView } from './campaign.view';
import { CampaignsService } from './campaigns.service';

/** The transitions talk to Temporal: when it cannot be reached they answer 503 (retry later). */
const TEMPORAL_DOWN = 'Temporal is unreachable; nothing was changed, retry later';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a campaign (status "created")' })
  @ApiCreatedResponse({ type: CampaignView })
  create(@CurrentCustomer() customer: Customer, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(customer.id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List campaigns, newest first (filter by status and channel; cursor-paginated)' })
  @ApiOkResponse({ type: CampaignPage })
  list(@CurrentCustomer() customer: Customer, @Query() query: ListCampaignsQuery): Promise<CampaignPage> {
    return this.campaigns.list(customer.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<CampaignView> {
    return this.campaigns.get(customer.id, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a campaign that has not started (409 once it has)' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'the campaign has started: it can no longer be changed' })
  update(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.update(customer.id, id, dto);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start the campaign workflow; answers once the workflow has set the status (202 if not yet)',
  })
  @ApiOkResponse({ type: CampaignTransitionView })
  @ApiAcceptedResponse({
    type: CampaignTransitionView,
    description: 'started; the workflow has not set the status yet',
  })
  @ApiConflictResponse({ description: 'not in status created, or already started' })
  @ApiServiceUnavailableResponse({ description: TEMPORAL_DOWN })
  async start(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignTransitionView> {
    return this.transitioned(res, await this.campaigns.start(customer.id, id));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a dialing campaign (optional reason; the body may be left out)' })
  @ApiBody({ type: PauseCampaignDto, required: false })
  @ApiOkResponse({ type: CampaignTransitionView })
  @ApiAcceptedResponse({ type: CampaignTransitionView, description: 'signalled; not applied yet' })
  @ApiConflictResponse({ description: 'not dialing' })
  @ApiServiceUnavailableResponse({ description: TEMPORAL_DOWN })
  async pause(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Body() dto: PauseCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignTransitionView> {
    return this.transitioned(res, await this.campaigns.pause(customer.id, id, dto.reason));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused campaign' })
  @ApiOkResponse({ type: CampaignTransitionView })
  @ApiAcceptedResponse({ type: CampaignTransitionView, description: 'signalled; not applied yet' })
  @ApiConflictResponse({ description: 'not paused' })
  @ApiServiceUnavailableResponse({ description: TEMPORAL_DOWN })
  async resume(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignTransitionView> {
    return this.transitioned(res, await this.campaigns.resume(customer.id, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel a campaign: queued prospects are cancelled, calls in progress finish (optional reason; the body may be left out)',
  })
  @ApiBody({ type: CancelCampaignDto, required: false })
  @ApiOkResponse({ type: CampaignTransitionView })
  @ApiAcceptedResponse({ type: CampaignTransitionView, description: 'signalled; not applied yet' })
  @ApiConflictResponse({ description: 'already completed or cancelled' })
  @ApiServiceUnavailableResponse({ description: TEMPORAL_DOWN })
  async cancel(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Body() dto: CancelCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignTransitionView> {
    return this.transitioned(res, await this.campaigns.cancel(customer.id, id, dto.reason));
  }

  @Get(':id/stats')
  @ApiOperation({
    summary: 'Prospects by status, outcomes, answer rate, average duration, dial rate, time to finish',
  })
  @ApiOkResponse({ type: CampaignStatsView })
  stats(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<CampaignStatsView> {
    return this.campaigns.stats(customer.id, id);
  }

  private transitioned(res: Response, view: CampaignTransitionView): CampaignTransitionView {
    if (!view.applied) res.status(202);
    return view;
  }
}
