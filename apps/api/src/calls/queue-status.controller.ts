import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { QueueStatusService } from './queue-status.service';
import { QueueStatusView } from './queue-status.view';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('queue')
export class QueueStatusController {
  constructor(private readonly queue: QueueStatusService) {}

  @Get('status')
  @ApiOperation({
    summary: 'Your call queue: calls pending by priority, scheduled, in flight, rates, channel pool usage',
  })
  @ApiOkResponse({ type: QueueStatusView })
  status(@CurrentCustomer() customer: Customer): Promise<QueueStatusView> {
    return this.queue.status(customer.id);
  }
}
