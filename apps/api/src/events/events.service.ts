import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import { isUuid, latestEventId, ownedCampaignIds } from '@engine/db';
import type { Redis } from '@engine/redis';
import { EventSubscription } from '@engine/redis';
import { fieldError } from '../common/contract/error-body';
import { DB, EVENTS_CHANNEL_PREFIX, REDIS } from '../infrastructure/tokens';
import type { SseLimits } from './sse-connection';
import { DEFAULT_SSE_LIMITS, SseConnection } from './sse-connection';

import { MAX_CHANNELS } from './events.dto';

/** Live event streams: the caller's own channels only, resumable by event id. */
@Injectable()
export class EventsService implements OnApplicationShutdown {
  private readonly logger = new Logger('events');
  private readonly open = new Set<SseConnection>();
  /** Tests shrink these to exercise the slow-client path. */
  limits: SseLimits = DEFAULT_SSE_LIMITS;

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENTS_CHANNEL_PREFIX) private readonly channelPrefix: string,
  ) {}

  /**
   * Parses `channels` and checks that each belongs to the customer: `campaign:<id>` of one of its
   * campaigns, or `customer:<its id>`. Anything else is a 400 (the query schema says the syntax
   * already; this holds for any caller); someone else's is a 404.
   */
  async authorisedChannels(customerId: string, raw: string | undefined): Promise<string[]> {
    const notAChannel = (name: string) =>
      fieldError('channels', `"${name}" is not a channel (campaign:<id> or customer:<id>)`);
    const names = [
      ...new Set(
        (raw ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      ),
    ];
    if (names.length === 0) throw fieldError('channels', 'is required, e.g. channels=campaign:<id>');
    if (names.length > MAX_CHANNELS)
      throw fieldError('channels', `may name at most ${MAX_CHANNELS} channels`);
    const campaignIds: string[] = [];
    for (const name of names) {
      const [kind, id, ...rest] = name.split(':');
      if (rest.length > 0 || !isUuid(id)) throw notAChannel(name);
      if (kind === 'campaign') campaignIds.push(id.toLowerCase());
      else if (kind === 'customer') {
        if (id.toLowerCase() !== customerId) throw new NotFoundException(`channel ${name} not found`);
      } else throw notAChannel(name);
    }
    if (campaignIds.length > 0) {
      const ownedIds = await ownedCampaignIds(this.db, customerId, campaignIds);
      const missing = campaignIds.find((id) => !ownedIds.has(id));
      if (missing) throw new NotFoundException(`campaign ${missing} not found`);
    }
    return names.map((n) => n.toLowerCase());
  }

  /** `Last-Event-ID` / `lastEventId`: a non-negative integer; absent means "from now on". */
  async resolveAfterId(raw: string | undefined): Promise<number> {
    if (raw === undefined || raw.trim() === '') {
      return latestEventId(this.db);
    }
    if (!/^\d{1,15}$/.test(raw.trim()))
      throw fieldError('Last-Event-ID', 'must be a non-negative integer event id');
    return Number(raw.trim());
  }

  /** Streams stored events after `afterId`, then live ones, in id order, until the client leaves. */
  async stream(connection: SseConnection, channels: string[], afterId: number): Promise<void> {
    this.open.add(connection);
    let subscription: EventSubscription | undefined;
    connection.onClose(() => {
      this.open.delete(connection);
      void subscription?.close();
    });
    await connection.sendRetry(3000);
    try {
      subscription = await EventSubscription.start(this.db, this.redis, {
        channels,
        afterId,
        channelPrefix: this.channelPrefix,
        onEvent: (event) => connection.sendEvent(event.id, event.type, event),
        onError: (err) => this.logger.warn(`event stream error: ${err.message}`),
      });
    } catch (err) {
      this.logger.error(`event stream could not start: ${(err as Error).message}`);
      connection.close();
      return;
    }
    if (connection.isClosed) await subscription.close();
  }

  /** Streams currently open (monitoring, tests). */
  get openStreams(): number {
    return this.open.size;
  }

  newConnection(res: ConstructorParameters<typeof SseConnection>[0]): SseConnection {
    return new SseConnection(res, this.limits);
  }

  onApplicationShutdown(): void {
    for (const connection of [...this.open]) connection.close();
  }
}
