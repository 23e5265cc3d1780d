import type { Kysely } from 'kysely';
import type { StoredEngineEvent } from '@engine/contracts';
import type { Database } from '@engine/db';
import { eventsAfter } from '@engine/db';
import type { Redis } from 'ioredis';
import { toStoredEvent } from './event-bus';

export interface SubscribeOptions {
  channels: readonly string[];
  /** Resume after this event id (SSE `Last-Event-ID`); 0 replays everything stored. */
  afterId?: number;
  onEvent: (event: StoredEngineEvent) => void | Promise<void>;
  onError?: (err: Error) => void;
  channelPrefix?: string;
}

/**
 * A subscriber's view of the bus: stored events after `afterId` first, then live ones, in id
 * order, each exactly once. Live messages can arrive out of order from different publishers;
 * when one skips ahead, the gap is filled from the table before it is delivered.
 */
export class EventSubscription {
  private lastId: number;
  private readonly subscriber: Redis;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly db: Kysely<Database>,
    redis: Redis,
    private readonly options: SubscribeOptions,
  ) {
    this.lastId = options.afterId ?? 0;
    this.subscriber = redis.duplicate();
  }

  static async start(
    db: Kysely<Database>,
    redis: Redis,
    options: SubscribeOptions,
  ): Promise<EventSubscription> {
    const subscription = new EventSubscription(db, redis, options);
    await subscription.begin();
    return subscription;
  }

  get lastDeliveredId(): number {
    return this.lastId;
  }

  private async begin(): Promise<void> {
    const prefix = this.options.channelPrefix ?? '';
    this.subscriber.on('message', (_channel: string, message: string) => {
      let event: StoredEngineEvent;
      try {
        event = JSON.parse(message) as StoredEngineEvent;
      } catch (err) {
        this.options.onError?.(err as Error);
        return;
      }
      this.enqueue(() => this.deliverUpTo(event));
    });
    // Subscribe before reading the backlog, so nothing published in between is missed.
    await this.subscriber.subscribe(...this.options.channels.map((c) => `${prefix}${c}`));
    this.enqueue(() => this.catchUp());
    await this.queue;
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((err: unknown) => this.options.onError?.(err as Error));
  }

  /** Delivers everything stored after lastId, in pages. */
  private async catchUp(upTo = Number.MAX_SAFE_INTEGER): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const rows = await eventsAfter(this.db, this.options.channels, this.lastId, 500);
      const due = rows.filter((r) => r.id <= upTo);
      for (const row of due) await this.deliver(toStoredEvent(row));
      if (rows.length < 500 || due.length < rows.length) return;
    }
  }

  private async deliverUpTo(event: StoredEngineEvent): Promise<void> {
    if (event.id <= this.lastId) return;
    if (event.id > this.lastId + 1) await this.catchUp(event.id - 1);
    if (event.id > this.lastId) await this.deliver(event);
  }

  private async deliver(event: StoredEngineEvent): Promise<void> {
    if (this.closed || event.id <= this.lastId) return;
    this.lastId = event.id;
    await this.options.onEvent(event);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
    await this.queue.catch(() => undefined);
  }
}
