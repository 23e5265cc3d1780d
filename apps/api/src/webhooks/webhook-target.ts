/**
 * Which of our rows a carrier webhook is about. A webhook names its target twice: by our id (the
 * attempt or message id we sent as the idempotency key) and by the carrier's own id. Candidates
 * are looked up by either, always within the carrier that sent the webhook; the two names must
 * agree, or the update could reach a campaign (and a customer) that did not place the call.
 */
export type WebhookTarget<T> =
  | { kind: 'found'; row: T }
  | { kind: 'unknown' }
  /** The two ids name different rows, or our id names a row the carrier knows by another id. */
  | { kind: 'mismatch' };

export function matchWebhookTarget<T extends { id: string }>(
  candidates: readonly T[],
  ids: { ourId: string; carrierId: string },
  carrierIdOf: (row: T) => string | null,
): WebhookTarget<T> {
  const [row, other] = candidates;
  if (!row) return { kind: 'unknown' };
  if (other) return { kind: 'mismatch' };
  const carrierId = carrierIdOf(row);
  // Found by our id only: the row must not be known to the carrier under another id. (Found by
  // the carrier's id, which is unique per carrier, our id may be absent or unknown: accepted.)
  if (carrierId !== ids.carrierId && carrierId !== null) return { kind: 'mismatch' };
  return { kind: 'found', row };
}
