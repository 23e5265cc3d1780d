import { CallOutcomes } from '@engine/providers';
import type { CallOutcome } from '@engine/providers';
import { ProfilePresets } from './profiles';
import type {
  OutcomeProfile,
  ProfilePresetName,
  ResolvedProfile,
  SimConfig,
  SimConfigPatch,
} from './sim-config';

type ProfileInput = OutcomeProfile | ProfilePresetName;

function toProfile(input: ProfileInput): OutcomeProfile {
  return typeof input === 'string' ? ProfilePresets[input] : input;
}

/** Weights are a unit: when given, outcomes they leave out weigh 0. */
function fullWeights(weights: Partial<Record<CallOutcome, number>>): Record<CallOutcome, number> {
  return Object.fromEntries(CallOutcomes.map((o) => [o, weights[o] ?? 0])) as Record<CallOutcome, number>;
}

/** `base` with the fields `over` sets replaced (undefined fields do not erase). */
export function overlayProfile(base: ResolvedProfile, over: OutcomeProfile | undefined): ResolvedProfile {
  if (!over) return base;
  return {
    weights: over.weights ? fullWeights(over.weights) : base.weights,
    spamFlagRate: over.spamFlagRate ?? base.spamFlagRate,
    talkSeconds: over.talkSeconds ?? base.talkSeconds,
    hangupSeconds: over.hangupSeconds ?? base.hangupSeconds,
    voicemailSeconds: over.voicemailSeconds ?? base.voicemailSeconds,
  };
}

function mergeEntries(
  current: Record<string, OutcomeProfile>,
  patch: Record<string, ProfileInput | null> | undefined,
): Record<string, OutcomeProfile> {
  if (!patch) return current;
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = toProfile(value);
  }
  return next;
}

/** Returns the configuration with `patch` applied (see {@link SimConfigPatch} for the rules). */
export function applyConfigPatch(current: Readonly<SimConfig>, patch: SimConfigPatch): SimConfig {
  const next: SimConfig = {
    timeScale: patch.timeScale ?? current.timeScale,
    ringMs: patch.ringMs ?? current.ringMs,
    defaults: patch.defaults ? overlayProfile(current.defaults, toProfile(patch.defaults)) : current.defaults,
    byDid: mergeEntries(current.byDid, patch.byDid),
    byAreaCode: mergeEntries(current.byAreaCode, patch.byAreaCode),
    faults: { ...current.faults, ...patch.faults },
    sms: { ...current.sms, ...patch.sms },
    webhooks: { ...current.webhooks, ...patch.webhooks },
  };
  const seed = patch.seed === undefined ? current.seed : patch.seed;
  if (seed !== null && seed !== undefined) next.seed = seed;
  return next;
}
