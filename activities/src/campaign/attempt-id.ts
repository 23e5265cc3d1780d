import { createHash } from 'node:crypto';

/**
 * The id of a prospect's n-th attempt: a name-based UUID (v5 layout over SHA-1) of the prospect
 * and the attempt number. Deterministic, so a retried activity computes the same id and the
 * carrier, the database and the channel lease all agree on which attempt is meant.
 */
export function attemptIdFor(prospectId: number, attemptNumber: number): string {
  const hash = createHash('sha1').update(`campaign-engine:attempt:${prospectId}:${attemptNumber}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
