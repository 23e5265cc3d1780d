/**
 * Dial pacing for a rate of `callsPerSecond`, as a token bucket anchored in time.
 *
 * The seed dialed `cps` prospects every `1000 / cps` ms, which is cps² calls a second for cps > 1.
 * Here the achieved rate is the configured one: ticks come every `tickMs` (one second, or
 * `1000 / cps` below one call a second) and each may dial what the elapsed time allows minus what
 * was already dialed since the anchor. Time spent in activities therefore does not slow the rate,
 * and a tick that dialed less (DNC, closed windows) is made up later, capped to `maxBatch` so an
 * idle stretch does not turn into a burst.
 */
export interface DialPacing {
  callsPerSecond: number;
  tickMs: number;
  /** Dials in a regular tick. */
  batchSize: number;
  /** The most a single tick may dial while catching up. */
  maxBatch: number;
}

/** Thrown for a rate that is not a positive finite number. */
export class InvalidDialRateError extends Error {
  readonly code = 'INVALID_DIAL_RATE';
  constructor(readonly callsPerSecond: number) {
    super(`mode.calls_per_second must be a positive number (got ${callsPerSecond})`);
    this.name = 'InvalidDialRateError';
  }
}

export function dialPacing(callsPerSecond: number): DialPacing {
  if (!Number.isFinite(callsPerSecond) || callsPerSecond <= 0) throw new InvalidDialRateError(callsPerSecond);
  const tickMs = callsPerSecond >= 1 ? 1000 : Math.round(1000 / callsPerSecond);
  const batchSize = Math.max(1, Math.round((callsPerSecond * tickMs) / 1000));
  return { callsPerSecond, tickMs, batchSize, maxBatch: batchSize * 2 };
}

/** How many may be dialed at `nowMs`, given the anchor and what was dialed since it. */
export function dialAllowance(
  pacing: DialPacing,
  anchorMs: number,
  dialedSinceAnchor: number,
  nowMs: number,
): number {
  const earned = Math.floor((pacing.callsPerSecond * Math.max(0, nowMs - anchorMs)) / 1000 + 1e-9);
  return Math.max(0, Math.min(pacing.maxBatch, earned - dialedSinceAnchor));
}

/** The tick after the one scheduled at `tickAtMs`, never earlier than `nowMs`. */
export function nextTickAt(pacing: DialPacing, tickAtMs: number, nowMs: number): number {
  const next = tickAtMs + pacing.tickMs;
  return next > nowMs ? next : nowMs + pacing.tickMs - ((nowMs - tickAtMs) % pacing.tickMs);
}
