/** Sends one batch of items that share a key (e.g. one signal to one campaign workflow). */
export type BatchSender<T> = (key: string, items: T[]) => Promise<void>;

export interface MicroBatcherOptions {
  /** How long the first item of a batch waits for company before the batch is sent. */
  maxDelayMs: number;
  /** A batch this big is sent at once. */
  maxItems: number;
}

interface OpenBatch<T> {
  items: T[];
  waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }>;
  timer: NodeJS.Timeout | null;
}

/**
 * Gathers items per key for up to `maxDelayMs` (or `maxItems`) and sends them with one call.
 * `submit` resolves only once the batch holding the item was sent, and rejects with the send's
 * error, so a caller (a webhook) can still answer the carrier with the true result and the carrier
 * retries a failure. `maxDelayMs` 0 sends every item on its own.
 */
export class MicroBatcher<T> {
  private readonly open = new Map<string, OpenBatch<T>>();
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly send: BatchSender<T>,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(key: string, item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        batch = { items: [], waiters: [], timer: null };
        this.open.set(key, batch);
      }
      batch.items.push(item);
      batch.waiters.push({ resolve, reject });
      if (batch.items.length >= this.options.maxItems || this.options.maxDelayMs <= 0) {
        this.flush(key);
      } else if (batch.timer === null) {
        batch.timer = setTimeout(() => this.flush(key), this.options.maxDelayMs);
      }
    });
  }

  /** Sends every open batch now and waits for all sends (for shutdown). */
  async drain(): Promise<void> {
    for (const key of [...this.open.keys()]) this.flush(key);
    await Promise.allSettled([...this.sending]);
  }

  private flush(key: string): void {
    const batch = this.open.get(key);
    if (!batch) return;
    this.open.delete(key);
    if (batch.timer !== null) clearTimeout(batch.timer);
    const sent = this.sendBatch(key, batch);
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  private async sendBatch(key: string, batch: OpenBatch<T>): Promise<void> {
    try {
      await this.send(key, batch.items);
      for (const w of batch.waiters) w.resolve();
    } catch (err) {
      for (const w of batch.waiters) w.reject(err);
    }
  }
}
