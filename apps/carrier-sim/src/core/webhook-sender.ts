import { randomUUID } from 'node:crypto';
import type { Logger } from '@engine/config';
import { SIGNATURE_HEADER, signWebhook } from '@engine/providers';
import type { WebhookDeliveryConfig } from '../config/sim-config';
import type { CarrierLedger } from '../ledger/carrier-ledger';
import type { WebhookDelivery, WebhookKind, WebhookResult } from '../ledger/ledger-entries';
import type { TimerRegistry } from './timer-registry';

/** One webhook to deliver. */
export interface WebhookJob {
  kind: WebhookKind;
  url: string;
  payload: object;
  providerId: string;
  attemptId?: string;
  messageId?: string;
  /** A deliberate extra copy (fault injection). */
  duplicate?: boolean;
}

/** Dependencies of {@link WebhookSender}. */
export interface WebhookSenderDeps {
  secret: string;
  timers: TimerRegistry;
  ledger: CarrierLedger;
  /** Read at each delivery, so `PUT /sim/config` applies to webhooks not yet sent. */
  config: () => WebhookDeliveryConfig;
  log: Logger;
}

interface AttemptResult {
  status: number | null;
  result: WebhookResult;
  error?: string;
}

/**
 * Delivers signed webhooks at least once, as real carriers do: a non-2xx answer or a network
 * error is retried with exponential backoff, and every attempt is recorded in the ledger.
 */
export class WebhookSender {
  constructor(private readonly deps: WebhookSenderDeps) {}

  /** Sends `job` after `delayMs` (wall clock), in the background. */
  send(job: WebhookJob, delayMs = 0): void {
    const start = () => void this.deliver(job);
    if (delayMs > 0) this.deps.timers.after(delayMs, start);
    else start();
  }

  /** Records that `job` is deliberately never sent (the "dropped callback" fault). */
  drop(job: WebhookJob): void {
    this.record(job, randomUUID(), 0, { status: null, result: 'dropped' });
  }

  private async deliver(job: WebhookJob): Promise<void> {
    // Work started before a reset belongs to the previous run: it must neither post nor record.
    const generation = this.deps.timers.signal;
    const deliveryId = randomUUID();
    const body = JSON.stringify(job.payload);
    const { maxAttempts, retryBaseDelayMs } = this.deps.config();
    try {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        if (attempt > 1 && !(await this.deps.timers.sleep(retryBaseDelayMs * 2 ** (attempt - 2)))) return;
        const outcome = await this.post(job.url, body, deliveryId, attempt, generation);
        if (generation.aborted) return;
        this.record(job, deliveryId, attempt, outcome);
        if (outcome.result === 'delivered') return;
      }
      this.deps.log.warn(
        { kind: job.kind, url: job.url, providerId: job.providerId, attempts: maxAttempts },
        'webhook given up after its last attempt',
      );
    } catch (err) {
      // Nothing above should throw; a bug here must not become an unhandled rejection.
      this.deps.log.error({ err, kind: job.kind, url: job.url }, 'webhook delivery crashed');
    }
  }

  private async post(
    url: string,
    body: string,
    deliveryId: string,
    attempt: number,
    generation: AbortSignal,
  ): Promise<AttemptResult> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Signed per attempt: a retry minutes later must still be inside the receiver's window.
          [SIGNATURE_HEADER]: signWebhook(this.deps.secret, body),
          'x-sim-delivery-id': deliveryId,
          'x-sim-delivery-attempt': String(attempt),
        },
        body,
        signal: AbortSignal.any([generation, AbortSignal.timeout(this.deps.config().timeoutMs)]),
      });
      // Drain the body so the connection can be reused.
      await response.arrayBuffer();
      return { status: response.status, result: response.ok ? 'delivered' : 'rejected' };
    } catch (err) {
      return { status: null, result: 'error', error: err instanceof Error ? err.message : String(err) };
    }
  }

  private record(job: WebhookJob, deliveryId: string, attempt: number, outcome: AttemptResult): void {
    const entry: WebhookDelivery = {
      deliveryId,
      kind: job.kind,
      url: job.url,
      providerId: job.providerId,
      attempt,
      status: outcome.status,
      result: outcome.result,
      duplicate: job.duplicate ?? false,
      at: new Date().toISOString(),
    };
    if (job.attemptId !== undefined) entry.attemptId = job.attemptId;
    if (job.messageId !== undefined) entry.messageId = job.messageId;
    if (outcome.error !== undefined) entry.error = outcome.error;
    this.deps.ledger.recordWebhook(entry);
  }
}
