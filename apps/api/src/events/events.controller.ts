import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
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
  @ApiQuery({
    name: 'channels',
    example: 'campaign:4f1c...,campaign:9a2b...',
    description: 'comma-separated',
  })
  @ApiQuery({ name: 'lastEventId', required: false })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiOkResponse({ description: 'text/event-stream' })
  async stream(
    @CurrentCustomer() customer: Customer,
    @Query('channels') channels: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const names = await this.events.authorisedChannels(
      customer.id,
      typeof channels === 'string' ? channels : undefined,
    );
    const raw = lastEventIdHeader ?? (typeof lastEventIdQuery === 'string' ? lastEventIdQuery : undefined);
    const afterId = await this.events.resolveAfterId(raw);
    await this.events.stream(this.events.newConnection(res), names, afterId);
  }
}
