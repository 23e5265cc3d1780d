import type { Response } from 'express';

export interface SseLimits {
  /** Bytes the socket may hold unsent before the client is considered too slow and dropped. */
  maxBufferedBytes: number;
  /** How long delivery may wait for the socket to drain before the client is dropped. */
  drainTimeoutMs: number;
  /** Comment line interval that keeps proxies and the client from timing out an idle stream. */
  heartbeatMs: number;
}

export const DEFAULT_SSE_LIMITS: SseLimits = {
  maxBufferedBytes: 1024 * 1024,
  drainTimeoutMs: 30_000,
  heartbeatMs: 15_000,
};

/**
 * One Server-Sent Events response. `send` respects back-pressure: when `res.write` returns false
 * the returned promise waits for `drain` (and the event source stops delivering meanwhile); a
 * client that lets the buffer grow past the bound, or does not drain in time, is disconnected.
 */
export class SseConnection {
  private closed = false;
  private waitingForDrain = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeHandlers: Array<() => void> = [];

  constructor(
    private readonly res: Response,
    private readonly limits: SseLimits = DEFAULT_SSE_LIMITS,
  ) {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    res.socket?.setTimeout(0);
    res.on('close', () => this.markClosed());
    this.heartbeat = setInterval(() => {
      if (!this.waitingForDrain) this.writeRaw(`: heartbeat ${new Date().toISOString()}\n\n`);
    }, limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  /** Sends `retry:` so that EventSource clients reconnect after a drop (with Last-Event-ID). */
  async sendRetry(ms: number): Promise<void> {
    await this.send(`retry: ${ms}\n\n`);
  }

  async sendEvent(id: number, type: string, data: unknown): Promise<void> {
    await this.send(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream (server shutdown, or a slow client). */
  close(): void {
    if (this.closed) return;
    this.markClosed();
    this.res.end();
  }

  private async send(chunk: string): Promise<void> {
    if (this.closed) return;
    const flushed = this.writeRaw(chunk);
    if (this.closed || flushed) return;
    await this.drain();
  }

  private writeRaw(chunk: string): boolean {
    if (this.closed) return true;
    const flushed = this.res.write(chunk);
    if (this.res.writableLength > this.limits.maxBufferedBytes) {
      this.drop();
      return true;
    }
    return flushed;
  }

  private drain(): Promise<void> {
    this.waitingForDrain = true;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.res.off('drain', done);
        this.res.off('close', done);
        this.waitingForDrain = false;
        resolve();
      };
      const timer = setTimeout(() => {
        this.drop();
        done();
      }, this.limits.drainTimeoutMs);
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }

  /** A client that cannot keep up is cut off; it reconnects with Last-Event-ID and misses nothing. */
  private drop(): void {
    if (this.closed) return;
    this.markClosed();
    this.res.destroy();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const handler of this.closeHandlers.splice(0)) handler();
  }
}
