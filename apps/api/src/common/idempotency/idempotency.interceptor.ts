import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { defer, mergeMap, of } from 'rxjs';
import type { ClaimResult, IdempotencyState, IdempotencyStore, StoredAnswer } from '@engine/redis';
import type { AuthenticatedRequest } from '../../auth/authenticated-request';
import { sleep } from '../wait';
import { captureAnswer, prepareReplay } from './answer-capture';
import { BodyDigest } from './body-digest';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, requestLine } from './idempotency-key';
import type { IdempotencyOptions } from './idempotency-options';
import { IDEMPOTENCY_OPTIONS, IDEMPOTENCY_STORE } from './idempotency-options';

/**
 * 4xx answers that say "not now" rather than "never": a retry may well succeed, so they are not
 * stored (timeout, conflict with the current state, locked, too early, too many requests).
 */
const TRANSIENT_4XX = new Set([408, 409, 423, 425, 429]);

/**
 * Nest marks a request whose pipes (validation) refused it, so that its handler never ran, with
 * this registered symbol (`@nestjs/core` router/rejected-by-pipes; not exported by the package).
 */
const REJECTED_BY_PIPES = Symbol.for('nestjs:rejected-by-pipes');

/** Whether an answer is what this request will always get, so a retry may be given it again. */
export function isFinalAnswer(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && !TRANSIENT_4XX.has(status));
}

interface Attempt {
  scope: string;
  key: string;
  request: string;
  digest: BodyDigest;
  req: Request;
  res: Response;
}

type Decision = { execute: true; token: string } | { execute: false; body: string | undefined };

/**
 * Makes a creating POST safe to retry (see `@Idempotent()`): the first request with an
 * Idempotency-Key claims it in Redis and executes; its answer, if final, is stored for 24 h and
 * every later request with the key and the same request (method, path, body hash) gets it back
 * with `Idempotent-Replayed: true`; a different request with the key is a 422. A request that
 * finds the key held by one still running waits for its answer (polling, up to `waitMs`), then
 * answers 409 with Retry-After. A 5xx, a transient 4xx, a validation failure (the handler never
 * ran) or a crash stores nothing: the key is released (or its claim expires) and a retry executes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('idempotency');

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & Partial<AuthenticatedRequest>>();
    const key = idempotencyKeyOf(req);
    // Keys are scoped per customer; a public route has no customer to scope them to.
    const scope = req.customer?.id;
    if (key === undefined || scope === undefined) return next.handle();
    const attempt: Attempt = {
      scope,
      key,
      request: requestLine(req),
      // Follows a streamed body from now on, before anything can read it.
      digest: BodyDigest.of(req),
      req,
      res: http.getResponse<Response>(),
    };
    return defer(() => this.decide(attempt)).pipe(
      mergeMap((decision) =>
        decision.execute ? this.execute(attempt, decision.token, next) : of(decision.body),
      ),
    );
  }

  /** Claims the key, or waits for the request holding it and replays its answer. */
  private async decide(a: Attempt): Promise<Decision> {
    const { waitMs, pollMinMs, pollMaxMs, maxBodyBytes } = this.options;
    const deadline = Date.now() + waitMs;
    let pause = pollMinMs;
    // A streamed body read to hash it cannot be handed to the handler any more: from then on this
    // request only looks at the key, it no longer claims it.
    let canExecute = true;
    for (;;) {
      const fingerprint = { request: a.request, bodyHash: a.digest.value };
      const state = await this.unlessStoreDown<ClaimResult | IdempotencyState>(() =>
        canExecute
          ? this.store.claim(a.scope, a.key, fingerprint)
          : this.store.peek(a.scope, a.key, fingerprint),
      );
      if (state.outcome === 'claimed') return { execute: true, token: state.token };
      if (state.outcome === 'mismatch') throw this.mismatch(a);
      if (state.outcome === 'done') return { execute: false, body: await this.replay(a, state) };
      if (state.outcome === 'free') throw this.busy(a, 'was released by a request that did not finish');
      if (a.digest.streamed && canExecute) {
        canExecute = false;
        // Read (and hash) the upload while waiting, so that the answer can be compared at once.
        void a.digest.settle({ maxBytes: maxBodyBytes });
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw this.busy(a, `is still in use by a request that has not finished after ${waitMs} ms`);
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, pollMaxMs);
    }
  }

  /** The stored answer, once this request's body is known to be the one that got it. */
  private async replay(
    a: Attempt,
    state: Extract<IdempotencyState, { outcome: 'done' }>,
  ): Promise<string | undefined> {
    // A streamed upload is read to its end first: its hash is the only proof that it is the same.
    const hash = a.digest.value ?? (await a.digest.settle({ maxBytes: this.options.maxBodyBytes }));
    if (hash === undefined) {
      throw new PayloadTooLargeException(
        `request body could not be read to compare it with the first request with this ${IDEMPOTENCY_KEY_HEADER} ` +
          `(larger than ${this.options.maxBodyBytes} bytes, or cut short)`,
      );
    }
    if (hash !== state.bodyHash) throw this.mismatch(a);
    return prepareReplay(a.res, state.answer);
  }

  private execute(a: Attempt, token: string, next: CallHandler): Observable<unknown> {
    const stopHeartbeat = this.heartbeat(a, token);
    captureAnswer(a.res, async (answer) => {
      stopHeartbeat();
      await this.finish(a, token, answer);
    });
    return next.handle();
  }

  /** Stores a final answer, or releases the key so that a retry executes again. Never rejects. */
  private async finish(a: Attempt, token: string, answer: StoredAnswer): Promise<void> {
    try {
      const rejectedByPipes = (a.req as unknown as Record<symbol, unknown>)[REJECTED_BY_PIPES] === true;
      const keep =
        isFinalAnswer(answer.status) && !rejectedByPipes && answer.body.length <= this.options.maxAnswerBytes;
      const hash = keep
        ? await a.digest.settle({ maxBytes: this.options.drainBytes, timeoutMs: this.options.drainMs })
        : undefined;
      if (hash !== undefined) {
        if (!(await this.store.complete(a.scope, a.key, token, hash, answer))) {
          this.logger.warn(
            `${a.request}: the claim on key ${JSON.stringify(a.key)} expired first; answer not stored`,
          );
        }
        return;
      }
      await this.store.release(a.scope, a.key, token);
    } catch (err) {
      this.logger.error(`${a.request}: storing the answer failed: ${(err as Error).message}`);
      await this.store.release(a.scope, a.key, token).catch(() => undefined);
    }
  }

  /** Renews the claim while the handler runs, up to `maxHoldMs`. */
  private heartbeat(a: Attempt, token: string): () => void {
    const { lockTtlMs, maxHoldMs } = this.options;
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > maxHoldMs) {
        clearInterval(timer);
        this.logger.warn(`${a.request}: still running after ${maxHoldMs} ms; its key will be freed`);
        return;
      }
      this.store.renew(a.scope, a.key, token).then(
        (held) => {
          if (!held) clearInterval(timer);
        },
        (err: Error) => this.logger.warn(`${a.request}: renewing the key's claim failed: ${err.message}`),
      );
    }, lockTtlMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** A request that asked for a key is not executed unprotected when Redis cannot be reached. */
  private async unlessStoreDown<T>(look: () => Promise<T>): Promise<T> {
    try {
      return await look();
    } catch (err) {
      this.logger.error(`the ${IDEMPOTENCY_KEY_HEADER} store failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException(
        `${IDEMPOTENCY_KEY_HEADER} cannot be honoured now (its store is unavailable); retry later`,
      );
    }
  }

  private mismatch(a: Attempt): UnprocessableEntityException {
    return new UnprocessableEntityException({
      message:
        `${IDEMPOTENCY_KEY_HEADER} ${JSON.stringify(a.key)} was used with a different request ` +
        '(method, path or body); send a new key for a new request',
      field: IDEMPOTENCY_KEY_HEADER,
      code: 'idempotency_key_reused',
    });
  }

  private busy(a: Attempt, why: string): ConflictException {
    a.res.setHeader('Retry-After', String(this.options.retryAfterSeconds));
    return new ConflictException({
      message: `${IDEMPOTENCY_KEY_HEADER} ${JSON.stringify(a.key)} ${why}; retry later`,
      field: IDEMPOTENCY_KEY_HEADER,
      code: 'idempotency_key_in_use',
    });
  }
}
