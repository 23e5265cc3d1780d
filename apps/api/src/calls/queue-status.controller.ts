import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { QueueSettingsView, UpdateQueueSettingsDto } from './queue-settings.dto';
import type { UpdateQueueSettings } from './queue-settings.dto';
import { QueueSettingsService } from './queue-settings.service';
import { QueueStatusService } from './queue-status.service';
import { QueueStatusView } from './queue-status.view';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('queue')
export class QueueStatusController {
  constructor(
    private readonly queue: QueueStatusService,
    private readonly settings: QueueSettingsService,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'Your call queue: calls pending by priority, scheduled, in flight, rates, channel pool usage',
  })
  @ApiOkResponse({ type: QueueStatusView })
  status(@CurrentCustomer() customer: Customer): Promise<QueueStatusView> {
    return this.queue.status(customer.id);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Your call queue’s pace (calls per second)' })
  @ApiOkResponse({ type: QueueSettingsView })
  getSettings(@CurrentCustomer() customer: Customer): Promise<QueueSettingsView> {
    return this.settings.get(customer.id);
  }

  // A PUT replaces the pace (null: back to the default): repeating it changes nothing more.
  @Put('settings')
  @ApiOperation({
    summary: 'Set your call queue’s pace (null: the default); a running queue applies it at its next turn',
  })
  @ApiOkResponse({ type: QueueSettingsView })
  setSettings(
    @CurrentCustomer() customer: Customer,
    @Body() dto: UpdateQueueSettingsDto,
  ): Promise<QueueSettingsView> {
    return this.settings.set(customer.id, dto as UpdateQueueSettings);
  }
}
