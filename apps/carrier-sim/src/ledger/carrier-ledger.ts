import { CallOutcomes } from '@engine/providers';
import type { CallOutcome } from '@engine/providers';
import { BoundedLog } from './bounded-log';
import type { SimulatedCall, SimulatedMessage, WebhookDelivery, WebhookResult } from './ledger-entries';

/**
 * How many entries each log (calls, messages, webhook attempts) keeps: the newest million. At a
 * few hundred bytes an entry that is a few hundred MB at most; counts in the summaries cover
 * everything since the last reset, evicted entries included.
 */
export const DEFAULT_LEDGER_CAPACITY = 1_000_000;

type OutcomeCounts = Record<CallOutcome, number>;

const zeroOutcomes = (): OutcomeCounts =>
  Object.fromEntries(CallOutcomes.map((o) => [o, 0])) as OutcomeCounts;

/** Per caller ID counts in {@link CallSummary}. */
export interface DidCallCounts {
  requests: number;
  uniqueAttempts: number;
  completed: number;
  spamFlagged: number;
  byOutcome: OutcomeCounts;
}

/** `GET /sim/calls/summary`. */
export interface CallSummary {
  /** Originate requests received (valid ones). */
  total: number;
  /** Distinct attempts placed. */
  uniqueAttempts: number;
  /** Requests for an attempt already placed (each one is a bug in the caller's idempotency). */
  duplicates: number;
  /** Requests refused by fault injection (nothing placed). */
  rejected: number;
  completed: number;
  inFlight: number;
  spamFlagged: number;
  /** Completed calls by outcome. */
  byOutcome: OutcomeCounts;
  byFrom: Record<string, DidCallCounts>;
  /** Call entries no longer listed by `GET /sim/calls` because the ledger is capped. */
  evicted: number;
}

/** `GET /sim/webhooks` summary. */
export interface WebhookSummary {
  attempts: number;
  byResult: Record<WebhookResult, number>;
}

/** Filters of `GET /sim/calls`. */
export interface CallFilter {
  since?: Date;
  attemptId?: string;
  from?: string;
  to?: string;
  campaignId?: string;
  limit?: number;
}

/** In-memory record of what the simulated carrier was asked to do and did. */
export class CarrierLedger {
  readonly calls: BoundedLog<SimulatedCall>;
  readonly messages: BoundedLog<SimulatedMessage>;
  readonly webhooks: BoundedLog<WebhookDelivery>;
  private counts = this.emptyCounts();

  constructor(readonly capacity: number = DEFAULT_LEDGER_CAPACITY) {
    this.calls = new BoundedLog(capacity);
    this.messages = new BoundedLog(capacity);
    this.webhooks = new BoundedLog(capacity);
  }

  private emptyCounts() {
    return {
      total: 0,
      uniqueAttempts: 0,
      duplicates: 0,
      rejected: 0,
      completed: 0,
      spamFlagged: 0,
      byOutcome: zeroOutcomes(),
      byFrom: new Map<string, DidCallCounts>(),
      webhookResults: { delivered: 0, rejected: 0, error: 0, dropped: 0 } as Record<WebhookResult, number>,
    };
  }

  private did(from: string): DidCallCounts {
    let counts = this.counts.byFrom.get(from);
    if (!counts) {
      counts = { requests: 0, uniqueAttempts: 0, completed: 0, spamFlagged: 0, byOutcome: zeroOutcomes() };
      this.counts.byFrom.set(from, counts);
    }
    return counts;
  }

  recordCallRequest(entry: SimulatedCall): void {
    this.calls.push(entry);
    const did = this.did(entry.from);
    this.counts.total += 1;
    did.requests += 1;
    if (entry.duplicate) this.counts.duplicates += 1;
    else if (entry.providerCallId === null) this.counts.rejected += 1;
    else {
      this.counts.uniqueAttempts += 1;
      did.uniqueAttempts += 1;
    }
  }

  recordCallCompleted(from: string, outcome: CallOutcome, spamFlagged: boolean): void {
    const did = this.did(from);
    this.counts.completed += 1;
    this.counts.byOutcome[outcome] += 1;
    did.completed += 1;
    did.byOutcome[outcome] += 1;
    if (spamFlagged) {
      this.counts.spamFlagged += 1;
      did.spamFlagged += 1;
    }
  }

  recordMessage(entry: SimulatedMessage): void {
    this.messages.push(entry);
  }

  recordWebhook(entry: WebhookDelivery): void {
    this.webhooks.push(entry);
    this.counts.webhookResults[entry.result] += 1;
  }

  listCalls(filter: CallFilter = {}): SimulatedCall[] {
    const since = filter.since?.toISOString();
    return this.calls.toArray(
      (c) =>
        (since === undefined || c.receivedAt >= since) &&
        (filter.attemptId === undefined || c.attemptId === filter.attemptId) &&
        (filter.from === undefined || c.from === filter.from) &&
        (filter.to === undefined || c.to === filter.to) &&
        (filter.campaignId === undefined || c.campaignId === filter.campaignId),
      filter.limit,
    );
  }

  callSummary(inFlight: number): CallSummary {
    const { webhookResults: _w, byFrom, byOutcome, ...counts } = this.counts;
    return {
      ...counts,
      inFlight,
      byOutcome: { ...byOutcome },
      byFrom: Object.fromEntries(
        [...byFrom].map(([from, c]) => [from, { ...c, byOutcome: { ...c.byOutcome } }]),
      ),
      evicted: this.calls.evicted,
    };
  }

  webhookSummary(): WebhookSummary {
    const byResult = { ...this.counts.webhookResults };
    return { attempts: Object.values(byResult).reduce((a, b) => a + b, 0), byResult };
  }

  /** Forgets everything, counts included. */
  clear(): void {
    this.calls.clear();
    this.messages.clear();
    this.webhooks.clear();
    this.counts = this.emptyCounts();
  }
}
