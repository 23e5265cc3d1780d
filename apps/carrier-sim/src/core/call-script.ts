import { CallOutcomes } from '@engine/providers';
import type { CallOutcome } from '@engine/providers';
import type { ResolvedProfile, SecondsRange } from '../config/sim-config';
import type { Random } from './random';

/** How one call will go, decided when the carrier accepts it. */
export interface CallScript {
  outcome: CallOutcome;
  /** Talk time in simulated call seconds (0 when nobody answered). */
  durationSeconds: number;
  spamFlagged: boolean;
}

function pickOutcome(weights: Readonly<Record<CallOutcome, number>>, u: number): CallOutcome {
  const total = CallOutcomes.reduce((sum, o) => sum + weights[o], 0);
  let threshold = u * total;
  for (const outcome of CallOutcomes) {
    threshold -= weights[outcome];
    if (threshold < 0) return outcome;
  }
  // Only reachable through float rounding at u close to 1: the last outcome with any weight.
  return [...CallOutcomes].reverse().find((o) => weights[o] > 0) ?? 'failed';
}

function secondsIn(range: SecondsRange, u: number): number {
  return Math.round(range.min + u * (range.max - range.min));
}

/**
 * Draws a call's outcome, spam label and talk time from a profile. It always consumes exactly
 * three numbers, in a fixed order, so a seeded stream yields the same call whatever the profile.
 */
export function drawCallScript(profile: ResolvedProfile, random: Random): CallScript {
  const outcome = pickOutcome(profile.weights, random());
  const spamFlagged = random() < profile.spamFlagRate;
  const u = random();
  let durationSeconds = 0;
  if (outcome === 'human_connected') durationSeconds = secondsIn(profile.talkSeconds, u);
  else if (outcome === 'human_hangup') durationSeconds = secondsIn(profile.hangupSeconds, u);
  else if (outcome === 'voicemail') durationSeconds = profile.voicemailSeconds;
  return { outcome, durationSeconds, spamFlagged };
}

/** Outcomes where the far end picked up, so there is talk time after the ring. */
const CONNECTED: ReadonlySet<CallOutcome> = new Set(['human_connected', 'human_hangup', 'voicemail']);

/** True when the far end (a person or a voicemail system) picked up. */
export function connects(outcome: CallOutcome): boolean {
  return CONNECTED.has(outcome);
}
