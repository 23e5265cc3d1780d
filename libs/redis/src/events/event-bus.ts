import type { Kysely, Transaction } from 'kysely';
import type { EngineEvent, StoredEngineEvent } from '@engine/contracts';
import { eventChannel } from '@engine/contracts';
import type { Database, EventRow } from '@engine/db';
import { appendEventsInOrder } from '@engine/db';
import type { Redis } from 'ioredis';

/** Options of one publish. */
export interface PublishOptions {
  /**
   * Writes that must commit together with the events, in the same transaction: whoever reads the
   * database then sees both or neither (a campaign's new status and its event, say).
   */
  alongside?: (tx: Transaction<Database>) => Promise<unknown>;
}

export interface EventBusOptions {
  /** Prepended to pub/sub channel names (tests use it to stay apart); empty in production. */
  channelPrefix?: string;
}

/** Turns a stored row into the event subscribers receive. */
export function toStoredEvent(row: EventRow): StoredEngineEvent {
  return {
    id: row.id,
    channel: row.channel,
    type: row.type,
    customerId: row.customer_id,
    campaignId: row.campaign_id,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
  } as StoredEngineEvent;
}

/**
 * Publishing = insert into the append-only `events` table, then PUBLISH on Redis.
 *
 * Inserts of one customer's events are serialised by a transaction-scoped advisory lock, so their
 * ids commit in id order: a subscriber that has seen id N and learns of N+k can fetch everything
 * in between from the table and miss nothing (SSE resume from `Last-Event-ID` relies on it).
 * With a `dedupeKey`, publishing the same event twice (an activity retry) stores it once and
 * re-announces the stored row.
 */
export class EventBus {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly redis: Redis,
    private readonly options: EventBusOptions = {},
  ) {}

  pubsubChannel(channel: string): string {
    return `${this.options.channelPrefix ?? ''}${channel}`;
  }

  async publish(
    event: EngineEvent,
    dedupeKey?: string,
    options: PublishOptions = {},
  ): Promise<StoredEngineEvent> {
    const [stored] = await this.publishMany([{ event, dedupeKey }], options);
    return stored!;
  }

  /**
   * Publishes several events in one transaction (ids in the given order) and one pipelined round
   * of PUBLISH. Events already stored under their dedupe key are announced again, not stored again.
   */
  async publishMany(
    items: ReadonlyArray<{ event: EngineEvent; dedupeKey?: string }>,
    options: PublishOptions = {},
  ): Promise<StoredEngineEvent[]> {
    if (items.length === 0) return [];
    const rows = await this.db.transaction().execute(async (tx) => {
      if (options.alongside) await options.alongside(tx);
      return appendEventsInOrder(
        tx,
        items.map(({ event, dedupeKey }) => ({
          channel: eventChannel(event),
          customer_id: event.customerId,
          campaign_id: event.campaignId,
          type: event.type,
          payload: JSON.stringify(event.payload),
          dedupe_key: dedupeKey ?? null,
        })),
      );
    });
    const stored = rows.map(toStoredEvent);
    const pipeline = this.redis.pipeline();
    for (const e of stored) pipeline.publish(this.pubsubChannel(e.channel), JSON.stringify(e));
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
    return stored;
  }
}
