/**
 * Keeps each computed value for `ttlMs` and shares one computation among everyone who asks for
 * the same key while it runs. For read endpoints whose answer is an expensive aggregate that may
 * be a moment old (campaign stats over a million prospects): N concurrent callers cost one query.
 * A failed computation is not kept; the next caller tries again. `ttlMs` 0 still coalesces callers
 * that arrive while a computation is running, but keeps nothing afterwards.
 */
export class CoalescingCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; computedAt: number | null }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value of `key` no older than `ttlMs`, computing it with `compute` when there is none. */
  async get(key: string, compute: () => Promise<V>): Promise<{ value: V; computedAt: number }> {
    const hit = this.entries.get(key);
    if (hit && (hit.computedAt === null || this.now() - hit.computedAt < this.ttlMs)) {
      const value = await hit.value;
      return { value, computedAt: hit.computedAt ?? this.now() };
    }
    const entry: { value: Promise<V>; computedAt: number | null } = { value: compute(), computedAt: null };
    this.entries.set(key, entry);
    this.evictOverflow();
    try {
      const value = await entry.value;
      entry.computedAt = this.now();
      if (this.ttlMs <= 0 && this.entries.get(key) === entry) this.entries.delete(key);
      return { value, computedAt: entry.computedAt };
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw err;
    }
  }

  /** Number of keys held (running or kept). */
  get size(): number {
    return this.entries.size;
  }

  private evictOverflow(): void {
    // Maps iterate in insertion order: the oldest keys go first.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
