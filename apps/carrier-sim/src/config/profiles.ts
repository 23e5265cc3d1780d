import type { OutcomeProfile, ProfilePresetName, ResolvedProfile } from './sim-config';

/**
 * The default call mix. It is tuned so that a DID on it scores about 0.83 on the domain's health
 * score (answer rate 0.78, long conversations, few no-answers), i.e. "healthy": a demo's DIDs
 * must not drift into cooldown unless a worse profile is configured for them.
 */
export const DEFAULT_PROFILE: ResolvedProfile = Object.freeze({
  weights: Object.freeze({
    human_connected: 0.55,
    human_hangup: 0.05,
    voicemail: 0.18,
    no_answer: 0.14,
    busy: 0.05,
    failed: 0.03,
  }),
  spamFlagRate: 0.02,
  talkSeconds: Object.freeze({ min: 20, max: 120 }),
  hangupSeconds: Object.freeze({ min: 1, max: 4 }),
  voicemailSeconds: 20,
});

/**
 * A burned caller ID: carriers label it spam, people do not pick up, the few who do hang up.
 * Scores about 0.2 on the domain's health score (below the 0.5 "burned" line).
 */
export const BAD_DID_PROFILE: OutcomeProfile = Object.freeze({
  weights: Object.freeze({
    human_connected: 0.04,
    human_hangup: 0.12,
    voicemail: 0.06,
    no_answer: 0.7,
    busy: 0.05,
    failed: 0.03,
  }),
  spamFlagRate: 0.6,
  talkSeconds: Object.freeze({ min: 3, max: 15 }),
  hangupSeconds: Object.freeze({ min: 1, max: 3 }),
});

/** A DID in its prime: most calls are long conversations. Scores about 0.9. */
export const GOOD_DID_PROFILE: OutcomeProfile = Object.freeze({
  weights: Object.freeze({
    human_connected: 0.7,
    human_hangup: 0.03,
    voicemail: 0.12,
    no_answer: 0.1,
    busy: 0.03,
    failed: 0.02,
  }),
  spamFlagRate: 0,
  talkSeconds: Object.freeze({ min: 40, max: 180 }),
});

/**
 * A mediocre caller ID: fewer pick-ups, shorter conversations, some spam labels. Scores about 0.6
 * on the domain's health score, between the 0.7 cooldown line and the 0.5 burn line: it should be
 * cooled again and again, never burned.
 */
export const MEDIOCRE_DID_PROFILE: OutcomeProfile = Object.freeze({
  weights: Object.freeze({
    human_connected: 0.35,
    human_hangup: 0.08,
    voicemail: 0.17,
    no_answer: 0.3,
    busy: 0.06,
    failed: 0.04,
  }),
  spamFlagRate: 0.12,
  talkSeconds: Object.freeze({ min: 10, max: 70 }),
});

/** The presets a configuration may name, e.g. `{"byDid": {"+14155550100": "bad"}}`. */
export const ProfilePresets: Readonly<Record<ProfilePresetName, OutcomeProfile>> = Object.freeze({
  default: DEFAULT_PROFILE,
  bad: BAD_DID_PROFILE,
  good: GOOD_DID_PROFILE,
  mediocre: MEDIOCRE_DID_PROFILE,
});
