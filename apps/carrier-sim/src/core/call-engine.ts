import { randomUUID } from 'node:crypto';
import type {
  CallState,
  SimOriginateRequest,
  SimCallStatus,
  SimCallStatusWebhook,
  SimOriginateAnswer,
} from '@engine/providers';
import { simCallPlanFields } from '@engine/providers';
import type { SimConfig } from '../config/sim-config';
import { resolveProfile } from '../config/resolve-profile';
import type { CarrierLedger } from '../ledger/carrier-ledger';
import type { SimulatedCall } from '../ledger/ledger-entries';
import type { CallScript } from './call-script';
import { connects, drawCallScript } from './call-script';
import type { RandomSource } from './random';
import { scaled } from './sim-clock';
import type { TimerRegistry } from './timer-registry';
import type { WebhookSender } from './webhook-sender';

/** The carrier hangs up at the call's time limit: its talk time never exceeds it. */
function withinLimit(script: CallScript, req: SimOriginateRequest): CallScript {
  const limit = req.maxDurationSeconds;
  if (limit === undefined || script.durationSeconds <= limit) return script;
  return { ...script, durationSeconds: limit };
}

/** A call the simulator placed. */
interface LiveCall {
  providerCallId: string;
  attemptId: string;
  to: string;
  from: string;
  callbackUrl: string;
  campaignId: string | undefined;
  acceptedAt: string;
  completedAt: string | undefined;
  state: CallState;
  script: CallScript;
}

/** Per attempt id: how many originate requests came, and the call if one was placed. */
interface AttemptRecord {
  requests: number;
  call: LiveCall | undefined;
}

/**
 * What the HTTP layer answers to an originate request. `delayMs` is the injected answer delay;
 * the call (if any) exists from the moment the request arrived, as at a real carrier.
 */
export type OriginateDecision =
  | { kind: 'placed'; status: 201; answer: SimOriginateAnswer; delayMs: number }
  | { kind: 'duplicate'; status: 200; answer: SimOriginateAnswer; delayMs: number }
  | { kind: 'refused'; status: 503; delayMs: number }
  | { kind: 'answer_lost'; status: 504; delayMs: number };

/** The lookup view of a call: `ProviderCallStatus` plus details for people reading it. */
export type CallStatusView = SimCallStatus & {
  to: string;
  from: string;
  acceptedAt: string;
  completedAt?: string;
};

/** Dependencies of {@link CallEngine}. */
export interface CallEngineDeps {
  ledger: CarrierLedger;
  timers: TimerRegistry;
  webhooks: WebhookSender;
  config: () => Readonly<SimConfig>;
  random: () => RandomSource;
  /** At most this many attempt ids are remembered (oldest forgotten first); see the ledger cap. */
  capacity: number;
}

/**
 * Places simulated calls: idempotent on the attempt id, outcome drawn at acceptance from the
 * caller ID's / area code's profile, ring and talk time run on timers, then the signed status
 * webhook (subject to the configured faults).
 */
export class CallEngine {
  private readonly attempts = new Map<string, AttemptRecord>();
  private inFlightCount = 0;

  constructor(private readonly deps: CallEngineDeps) {}

  /** Calls accepted and not yet completed. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  originate(req: SimOriginateRequest, now: Date = new Date()): OriginateDecision {
    const config = this.deps.config();
    const delayMs = config.faults.originateDelayMs;
    const record = this.recordFor(req.attemptId);
    record.requests += 1;
    const receivedAt = now.toISOString();
    const entry = (providerCallId: string | null, status: number, duplicate = false): SimulatedCall => ({
      attemptId: req.attemptId,
      to: req.to,
      from: req.from,
      providerCallId,
      receivedAt,
      duplicate,
      status,
      ...(req.campaignId === undefined ? {} : { campaignId: req.campaignId }),
      agent: req.agent,
      ...simCallPlanFields(req),
    });

    if (record.call) {
      this.deps.ledger.recordCallRequest(entry(record.call.providerCallId, 200, true));
      const answer = {
        providerCallId: record.call.providerCallId,
        acceptedAt: record.call.acceptedAt,
        duplicate: true,
      };
      return { kind: 'duplicate', status: 200, answer, delayMs };
    }

    // Keyed by the request number, so a retry after a refusal gets a fresh draw.
    const random = this.deps.random()(`${req.attemptId}/originate/${record.requests}`);
    const refuse = random() < config.faults.originateErrorRate;
    const loseAnswer = random() < config.faults.originateLostAnswerRate;
    if (refuse) {
      this.deps.ledger.recordCallRequest(entry(null, 503));
      return { kind: 'refused', status: 503, delayMs };
    }

    const call = this.place(req, config, receivedAt);
    record.call = call;
    this.deps.ledger.recordCallRequest(entry(call.providerCallId, loseAnswer ? 504 : 201));
    if (loseAnswer) return { kind: 'answer_lost', status: 504, delayMs };
    return {
      kind: 'placed',
      status: 201,
      answer: { providerCallId: call.providerCallId, acceptedAt: receivedAt },
      delayMs,
    };
  }

  /** The carrier's view of an attempt's call; undefined when none was placed (or it was forgotten). */
  lookup(attemptId: string): CallStatusView | undefined {
    const call = this.attempts.get(attemptId)?.call;
    if (!call) return undefined;
    const view: CallStatusView = {
      providerCallId: call.providerCallId,
      attemptId: call.attemptId,
      state: call.state,
      to: call.to,
      from: call.from,
      acceptedAt: call.acceptedAt,
    };
    if (call.state === 'completed') {
      view.outcome = call.script.outcome;
      view.durationSeconds = call.script.durationSeconds;
      view.spamFlagged = call.script.spamFlagged;
      if (call.completedAt !== undefined) view.completedAt = call.completedAt;
    }
    return view;
  }

  /** Forgets every attempt (timers are cancelled by the owner of the registry). */
  clear(): void {
    this.attempts.clear();
    this.inFlightCount = 0;
  }

  private recordFor(attemptId: string): AttemptRecord {
    let record = this.attempts.get(attemptId);
    if (!record) {
      record = { requests: 0, call: undefined };
      this.attempts.set(attemptId, record);
      // Bounded like the ledger: Map iteration order is insertion order, so this drops the oldest.
      if (this.attempts.size > this.deps.capacity) {
        const oldest = this.attempts.keys().next();
        if (!oldest.done) this.attempts.delete(oldest.value);
      }
    }
    return record;
  }

  private place(req: SimOriginateRequest, config: Readonly<SimConfig>, acceptedAt: string): LiveCall {
    const profile = resolveProfile(config, req.from, req.to);
    const call: LiveCall = {
      providerCallId: `sim-call-${randomUUID()}`,
      attemptId: req.attemptId,
      to: req.to,
      from: req.from,
      callbackUrl: req.callbackUrl,
      campaignId: req.campaignId,
      acceptedAt,
      completedAt: undefined,
      state: 'ringing',
      script: withinLimit(drawCallScript(profile, this.deps.random()(`${req.attemptId}/call`)), req),
    };
    this.inFlightCount += 1;
    this.deps.timers.after(scaled(config.ringMs, config.timeScale), () => this.ringEnded(call));
    return call;
  }

  private ringEnded(call: LiveCall): void {
    if (!connects(call.script.outcome)) {
      this.complete(call);
      return;
    }
    call.state = 'in_progress';
    const { timeScale } = this.deps.config();
    this.deps.timers.after(scaled(call.script.durationSeconds * 1000, timeScale), () => this.complete(call));
  }

  private complete(call: LiveCall): void {
    const config = this.deps.config();
    const completedAt = new Date().toISOString();
    call.state = 'completed';
    call.completedAt = completedAt;
    this.inFlightCount = Math.max(0, this.inFlightCount - 1);
    this.deps.ledger.recordCallCompleted(call.from, call.script.outcome, call.script.spamFlagged);

    const random = this.deps.random()(`${call.attemptId}/callback`);
    const drop = random() < config.faults.dropCallbackRate;
    const duplicate = random() < config.faults.duplicateCallbackRate;
    const job = {
      kind: 'call.status' as const,
      url: call.callbackUrl,
      providerId: call.providerCallId,
      attemptId: call.attemptId,
      payload: {
        providerCallId: call.providerCallId,
        attemptId: call.attemptId,
        outcome: call.script.outcome,
        durationSeconds: call.script.durationSeconds,
        spamFlagged: call.script.spamFlagged,
        occurredAt: completedAt,
      } satisfies SimCallStatusWebhook,
    };
    if (drop) {
      this.deps.webhooks.drop(job);
      return;
    }
    this.deps.webhooks.send(job, config.faults.callbackDelayMs);
    // Both copies leave together: the receiver must cope with a concurrent duplicate.
    if (duplicate) this.deps.webhooks.send({ ...job, duplicate: true }, config.faults.callbackDelayMs);
  }
}
