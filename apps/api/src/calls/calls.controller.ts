import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { isShadowedRoute } from '../common/contract/method-not-allowed';
import { Idempotent } from '../common/idempotency';
import {
  ActiveCallsQuery,
  BatchParams,
  BulkQueueCallsDto,
  CallRefParams,
  QueueCallDto,
} from './call-input.schema';
import { CallViewsService } from './call-views.service';
import {
  ActiveCallPage,
  BulkQueueResultView,
  CallBatchView,
  CallStatusView,
  QueuedCallView,
} from './call.view';
import { CallsService } from './calls.service';

/** Seed 001's ad-hoc calls: queued on the customer's call queue and dialed by priority. */
@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly views: CallViewsService,
  ) {}

  @Post('queue')
  @Idempotent()
  @ApiOperation({
    summary: 'Queue a call (now or at scheduled_at); a custom_call_id queued before answers that call (200)',
  })
  @ApiCreatedResponse({ type: QueuedCallView, description: 'queued' })
  @ApiOkResponse({
    type: QueuedCallView,
    description: 'custom_call_id was queued before: that call, nothing new',
  })
  @ApiNotFoundResponse({ description: 'campaign_id names none of your campaigns' })
  async queue(
    @CurrentCustomer() customer: Customer,
    @Body() dto: QueueCallDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QueuedCallView> {
    const { view, created } = await this.calls.queue(customer.id, dto);
    res.status(created ? 201 : 200);
    return view;
  }

  @Post('bulk-queue')
  @Idempotent()
  @ApiOperation({
    summary: 'Queue up to 10,000 calls as one batch',
    description:
      'Each row is checked as a single call is: a row that fails is listed in `rejected` with its field and ' +
      'the others are queued, in one transaction with the batch. A batch none of whose rows is valid is a 400 ' +
      '(nothing recorded). A batch_id names one request: a second one is a 409.',
  })
  @ApiBody({ type: BulkQueueCallsDto })
  @ApiCreatedResponse({ type: BulkQueueResultView })
  @ApiConflictResponse({ description: 'batch_id was used before' })
  queueBatch(@CurrentCustomer() customer: Customer, @Body() body: unknown): Promise<BulkQueueResultView> {
    return this.calls.queueBatch(customer.id, body);
  }

  @Get('active')
  @ApiOperation({
    summary: 'Calls being dialed or in progress, with their current attempt (cursor-paginated)',
  })
  @ApiOkResponse({ type: ActiveCallPage })
  active(@CurrentCustomer() customer: Customer, @Query() query: ActiveCallsQuery): Promise<ActiveCallPage> {
    return this.views.active(customer.id, query);
  }

  @Get('batches/:batchId')
  @ApiOperation({ summary: "A batch's counts and its calls by state" })
  @ApiOkResponse({ type: CallBatchView })
  batch(@CurrentCustomer() customer: Customer, @Param() { batchId }: BatchParams): Promise<CallBatchView> {
    return this.views.batch(customer.id, batchId);
  }

  @Get(':id/status')
  @ApiOperation({ summary: "A call's state and attempts (by call_id, or by your custom_call_id)" })
  @ApiOkResponse({ type: CallStatusView })
  status(@CurrentCustomer() customer: Customer, @Param() { id }: CallRefParams): Promise<CallStatusView> {
    return this.views.status(customer.id, id);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a call not dialed yet (queued or scheduled)' })
  @ApiOkResponse({ type: CallStatusView, description: 'cancelled' })
  @ApiConflictResponse({
    description: 'the call is dialing, in progress or finished (the message names its state)',
  })
  cancel(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: CallRefParams,
    @Req() req: Request,
  ): Promise<CallStatusView> {
    // `DELETE /api/calls/queue` (or bulk-queue, active) names another resource: a 405, not a call.
    if (isShadowedRoute(req)) throw new NotFoundException(`${req.method} ${req.path} is not a route`);
    return this.views.cancel(customer.id, id);
  }
}
