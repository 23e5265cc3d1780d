/**
 * An append-only log that keeps only the newest `capacity` entries (a ring buffer), so that a
 * simulator left running through a million-call benchmark has bounded memory. Entries pushed out
 * are counted in `evicted`.
 */
export class BoundedLog<T> {
  private readonly buffer: T[] = [];
  /** Index of the oldest entry once the buffer is full. */
  private head = 0;
  private evictedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  get length(): number {
    return this.buffer.length;
  }

  /** Entries dropped because the log was full. */
  get evicted(): number {
    return this.evictedCount;
  }

  push(entry: T): void {
    if (this.buffer.length < this.capacity) {
      this.buffer.push(entry);
      return;
    }
    this.buffer[this.head] = entry;
    this.head = (this.head + 1) % this.capacity;
    this.evictedCount += 1;
  }

  /** Entries oldest first, optionally only those matching and only the newest `limit` of them. */
  toArray(matches?: (entry: T) => boolean, limit?: number): T[] {
    const out: T[] = [];
    const n = this.buffer.length;
    for (let i = 0; i < n; i += 1) {
      const entry = this.buffer[(this.head + i) % n] as T;
      if (!matches || matches(entry)) out.push(entry);
    }
    return limit === undefined || out.length <= limit ? out : out.slice(out.length - limit);
  }

  clear(): void {
    this.buffer.length = 0;
    this.head = 0;
    this.evictedCount = 0;
  }
}
