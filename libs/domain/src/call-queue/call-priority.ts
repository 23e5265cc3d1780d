/** Seed 001's call priorities, lowest first. */
export const CallPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type CallPriority = (typeof CallPriorities)[number];

/**
 * The claim rank stored on a queued call's prospect (higher dials first). Campaign prospects
 * rank 0, so `low` is 1: nothing of a queue ever ranks with a campaign's rows (they never share
 * a queue anyway, but the order stays total).
 */
export function priorityRank(priority: CallPriority): number {
  return CallPriorities.indexOf(priority) + 1;
}

export function priorityOfRank(rank: number): CallPriority {
  return CallPriorities[Math.min(CallPriorities.length, Math.max(1, rank)) - 1] ?? 'normal';
}
