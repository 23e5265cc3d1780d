import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { fieldError } from '../common/contract/error-body';
import { EVENT_ID_PATTERN, EventsQuery } from './events.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({
    summary: 'Server-Sent Events of your campaigns',
    description:
      'Each event has `id:` (its sequential id), `event:` (its type, e.g. campaign.call.initiated) and `data:` ' +
      '(the event as JSON). Reconnect with `Last-Event-ID` (or ?lastEventId=) to resume after the last event seen; ' +
      'Last-Event-ID 0 replays everything stored; without it the stream starts with new events. A comment line ' +
      'is sent every 15 s. A client that does not read fast enough is disconnected (reconnect to resume).',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'the id of the last event received: the stream resumes after it (0: from the first stored)',
    schema: { type: 'string', maxLength: 15, pattern: EVENT_ID_PATTERN.source },
  })
  @ApiOkResponse({
    description: 'the event stream (open until the client leaves)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'a channel names a campaign or customer that is not yours' })
  async stream(
    @CurrentCustomer() customer: Customer,
    @Query() query: EventsQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (lastEventIdHeader !== undefined && !EVENT_ID_PATTERN.test(lastEventIdHeader.trim())) {
      throw fieldError('Last-Event-ID', 'must be a non-negative integer event id');
    }
    const names = await this.events.authorisedChannels(customer.id, query.channels);
    const afterId = await this.events.resolveAfterId(lastEventIdHeader ?? query.lastEventId);
    await this.events.stream(this.events.newConnection(res), names, afterId);
  }
}
