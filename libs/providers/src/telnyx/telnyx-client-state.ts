/**
 * What the engine keeps on a Telnyx call in `client_state`, the base64 string Telnyx echoes on
 * every webhook of the call and in its active-call list. Telnyx signs the webhook body but not the
 * URL, so the attempt id must travel in the (signed) body: here.
 *
 * The decoded text is `<attempt id>[;amd][;answered=<ISO time>]`: just the attempt id for a call
 * dialed without answering-machine detection. `amd` tells the answer handler that a verdict will
 * follow (so it waits for it); `answered` is stamped when the call is answered because Telnyx's
 * `call.hangup` carries no answer time, and talk time is measured from it.
 */
export interface TelnyxCallState {
  attemptId: string;
  amd: boolean;
  /** When the callee answered (the `call.answered` event's time), ISO 8601. */
  answeredAt?: string;
}

/** Encodes the state as Telnyx wants `client_state`: base64 text. */
export function encodeClientState(state: TelnyxCallState): string {
  const parts = [encodeURIComponent(state.attemptId)];
  if (state.amd) parts.push('amd');
  if (state.answeredAt) parts.push(`answered=${state.answeredAt}`);
  return Buffer.from(parts.join(';'), 'utf8').toString('base64');
}

/** Decodes `client_state`; `undefined` when it is absent or not ours (no attempt id). */
export function decodeClientState(clientState: string | null | undefined): TelnyxCallState | undefined {
  if (!clientState) return undefined;
  const text = Buffer.from(clientState, 'base64').toString('utf8');
  const [first, ...rest] = text.split(';');
  if (!first) return undefined;
  let attemptId: string;
  try {
    attemptId = decodeURIComponent(first);
  } catch {
    return undefined;
  }
  const state: TelnyxCallState = { attemptId, amd: false };
  for (const part of rest) {
    if (part === 'amd') state.amd = true;
    else if (part.startsWith('answered=')) state.answeredAt = part.slice('answered='.length);
  }
  return state;
}
