/**
 * Owns every timer the simulator sets, so that `reset()` and `close()` can cancel them all: a
 * closed simulator must not post webhooks into the next test, or keep the process alive.
 * Plain `setTimeout` is right here: the simulator is a carrier, not workflow code.
 */
export class TimerRegistry {
  private readonly handles = new Set<NodeJS.Timeout>();
  private readonly sleepers = new Set<() => void>();
  private controller = new AbortController();
  private closed = false;

  /** Aborted when pending work is cancelled; pass it to outgoing requests. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Number of pending timers (for health output and tests). */
  get pending(): number {
    return this.handles.size;
  }

  /** Runs `fn` after `ms`, unless cancelled first. A no-op once closed. */
  after(ms: number, fn: () => void): void {
    if (this.closed) return;
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
  }

  /** Resolves after `ms` with true, or with false as soon as pending work is cancelled. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        this.sleepers.delete(wake);
        resolve(false);
      };
      this.sleepers.add(wake);
      this.after(ms, () => {
        this.sleepers.delete(wake);
        resolve(true);
      });
    });
  }

  /** Cancels every pending timer, wakes every sleeper and aborts in-flight requests. */
  cancelAll(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
    for (const wake of [...this.sleepers]) wake();
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Cancels everything and refuses new timers. */
  close(): void {
    this.closed = true;
    this.cancelAll();
  }
}
