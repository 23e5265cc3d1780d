/** The SIP channel pools, each with its own concurrency limit (DESIGN.md section 5). */
export const CHANNEL_POOLS = ['campaign', 'ivr', 'api'] as const;

/** A SIP channel pool: `campaign` dialing, inbound `ivr`, and calls placed through the `api`. */
export type ChannelPool = (typeof CHANNEL_POOLS)[number];

/** Concurrent channels allowed per pool. */
export type ChannelPoolLimits = Record<ChannelPool, number>;

/** The limits from seed 000: 60 campaign, 15 IVR and 8 API channels. */
export const DEFAULT_CHANNEL_POOL_LIMITS = {
  campaign: 60,
  ivr: 15,
  api: 8,
} as const satisfies ChannelPoolLimits;

/** True when `value` names one of {@link CHANNEL_POOLS}. */
export function isChannelPool(value: unknown): value is ChannelPool {
  return typeof value === 'string' && (CHANNEL_POOLS as readonly string[]).includes(value);
}
