/** A value and when it was computed (epoch ms). */
export interface Computed<V> {
  value: V;
  computedAt: number;
}

/**
 * Keeps each computed value for `ttlMs` and shares one computation among everyone who asks for
 * the same key while it runs. For read endpoints whose answer is an expensive aggregate that may
 * be a moment old (campaign stats over a million prospects): N concurrent callers cost one query.
 * A failed computation is not kept; the next caller tries again. `ttlMs` 0 still coalesces callers
 * that arrive while a computation is running, but keeps nothing afterwards.
 */
export class CoalescingCache<V> {
  /** `computedAt` is null while the computation runs. */
  private readonly entries = new Map<string, { result: Promise<Computed<V>>; computedAt: number | null }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value of `key` no older than `ttlMs`, computing it with `compute` when there is none. */
  get(key: string, compute: () => Promise<V>): Promise<Computed<V>> {
    const hit = this.entries.get(key);
    if (hit && (hit.computedAt === null || this.now() - hit.computedAt < this.ttlMs)) return hit.result;
    const entry: { result: Promise<Computed<V>>; computedAt: number | null } = {
      result: compute().then(
        (value) => {
          entry.computedAt = this.now();
          if (this.ttlMs <= 0) this.forget(key, entry);
          return { value, computedAt: entry.computedAt };
        },
        (err: unknown) => {
          this.forget(key, entry);
          throw err;
        },
      ),
      computedAt: null,
    };
    this.entries.set(key, entry);
    this.evictOverflow();
    return entry.result;
  }

  /** Number of keys held (running or kept). */
  get size(): number {
    return this.entries.size;
  }

  private forget(key: string, entry: object): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  private evictOverflow(): void {
    // Maps iterate in insertion order: the oldest keys go first.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
