/**
 * The calls placed at or after `since`, in their original order.
 *
 * Use it to score a DID that came back from a cooldown: pass `since` = the end of the cooldown
 * (`dids.score_since`), so the score reflects only how the number does now. Scoring the last 50
 * calls regardless would either re-cool the DID at once on the same old evidence or, once a
 * few new calls mix in, swing it between active and cooling (the seed's oscillation bug). With
 * fewer than `minCalls` fresh calls the DID is `unrated`, which gives it a ramp back instead of
 * a verdict on stale data.
 */
export function callsSince<T extends { readonly at: Date }>(calls: readonly T[], since: Date): T[] {
  const from = since.getTime();
  return calls.filter((call) => call.at.getTime() >= from);
}
