import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** How much of a body `settle` may still read, and for how long. */
export interface SettleLimits {
  /** Bytes it may read beyond what had been read when it was called. */
  maxBytes: number;
  /** Gives up after this long (none: until the body ends or fails). */
  timeoutMs?: number;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The SHA-256 of a request's body bytes, which binds an Idempotency-Key to one request. A body
 * the JSON and form parsers buffered (`req.rawBody`, kept because create-app sets `rawBody: true`)
 * is hashed at once. A streamed one (a CSV upload) is hashed chunk by chunk as the handler reads
 * it, so a 512 MB upload is never held to be hashed; the hash is known once the body has ended.
 */
export class BodyDigest {
  private readonly hash = createHash('sha256');
  private digest: string | undefined;
  private failed = false;
  private bytes = 0;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly req: Request | undefined) {}

  static of(req: Request & { rawBody?: unknown }): BodyDigest {
    if (Buffer.isBuffer(req.rawBody)) return BodyDigest.known(sha256(req.rawBody));
    // Read by a parser that kept no raw copy: its parsed form is the best fingerprint left.
    if (req.readableEnded) return BodyDigest.known(sha256(JSON.stringify(req.body ?? null)));
    const digest = new BodyDigest(req);
    digest.follow(req);
    return digest;
  }

  private static known(hash: string): BodyDigest {
    const digest = new BodyDigest(undefined);
    digest.digest = hash;
    return digest;
  }

  /** The hash once the body has been read to its end. */
  get value(): string | undefined {
    return this.digest;
  }

  /** Whether the body is read from the request stream (not buffered before the handler). */
  get streamed(): boolean {
    return this.req !== undefined;
  }

  /**
   * The hash, reading what is left of the body first (within `limits`); undefined when the body
   * cannot be read to its end (aborted, destroyed by the handler, over the limits).
   */
  settle(limits: SettleLimits): Promise<string | undefined> {
    const req = this.req;
    if (this.digest !== undefined || this.failed || !req || req.destroyed) {
      return Promise.resolve(this.failed ? undefined : this.digest);
    }
    return new Promise((resolve) => {
      const startBytes = this.bytes;
      let timer: NodeJS.Timeout | undefined;
      const done = (hash: string | undefined) => {
        if (timer) clearTimeout(timer);
        this.listeners.delete(check);
        resolve(hash);
      };
      const check = () => {
        if (this.digest !== undefined) done(this.digest);
        else if (this.failed || this.bytes - startBytes > limits.maxBytes) done(undefined);
      };
      this.listeners.add(check);
      if (limits.timeoutMs !== undefined) timer = setTimeout(() => done(undefined), limits.timeoutMs);
      // What the handler left unread flows to the 'data' listener below.
      req.resume();
      check();
    });
  }

  private follow(req: Request): void {
    // A 'data' listener alone would start the flow before the handler pipes the body anywhere and
    // lose those bytes: paused first, the stream flows only once the handler reads it (pipe() and
    // resume() start it; read() and async iteration emit 'data' for every chunk they return).
    req.pause();
    req.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.hash.update(bytes);
      this.bytes += bytes.length;
      this.notify();
    });
    req.once('end', () => {
      this.digest = this.hash.digest('hex');
      this.notify();
    });
    const fail = () => {
      if (this.digest !== undefined) return;
      this.failed = true;
      this.notify();
    };
    req.once('error', fail);
    req.once('close', fail);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
