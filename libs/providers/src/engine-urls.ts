import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CARRIER_ACCOUNT_ID } from './carrier-directory';

/**
 * The public URLs the engine hands to carriers: webhook routes per account (the account selects
 * the secret a webhook is verified with) and signed document URLs. One source for the worker that
 * builds them and the API that serves them.
 */

/** What a call document is for. */
export type CallDocumentPurpose = 'answer' | 'voicemail';

/** How long a signed document URL stays valid: a day outlasts any call and its retries. */
export const DOCUMENT_URL_TTL_SECONDS = 24 * 60 * 60;

function trimmed(apiBaseUrl: string): string {
  return apiBaseUrl.replace(/\/+$/, '');
}

/** `/api/webhooks/<provider>[/accounts/<id>]`: the environment's account has the short form. */
export function webhookBase(apiBaseUrl: string, provider: string, accountId: string | null): string {
  const account =
    accountId === null || accountId === DEFAULT_CARRIER_ACCOUNT_ID
      ? ''
      : `/accounts/${encodeURIComponent(accountId)}`;
  return `${trimmed(apiBaseUrl)}/api/webhooks/${encodeURIComponent(provider)}${account}`;
}

/** Where a carrier posts one attempt's call events; the attempt id rides in the (signed) URL. */
export function callStatusUrl(
  apiBaseUrl: string,
  provider: string,
  accountId: string | null,
  attemptId: string,
): string {
  return `${webhookBase(apiBaseUrl, provider, accountId)}/call-status?attempt=${encodeURIComponent(attemptId)}`;
}

/** Where a carrier posts one message's delivery receipts. */
export function smsStatusUrl(
  apiBaseUrl: string,
  provider: string,
  accountId: string | null,
  messageId: string,
): string {
  return `${webhookBase(apiBaseUrl, provider, accountId)}/sms-status?message=${encodeURIComponent(messageId)}`;
}

function documentSignature(secret: string, attemptId: string, purpose: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`call-document:${purpose}:${attemptId}:${expires}`).digest();
}

/**
 * A signed URL of one attempt's document (`/api/voice/attempts/<id>/<purpose>?exp=&sig=`): only
 * the engine can make one, so the document (which names the agent's stream and the campaign's
 * message) is served to whoever holds the URL the engine gave the carrier, and to nobody else.
 */
export function signedDocumentUrl(
  apiBaseUrl: string,
  secret: string,
  attemptId: string,
  purpose: CallDocumentPurpose,
  now: Date = new Date(),
): string {
  const expires = Math.floor(now.getTime() / 1000) + DOCUMENT_URL_TTL_SECONDS;
  const sig = documentSignature(secret, attemptId, purpose, expires).toString('hex');
  return `${trimmed(apiBaseUrl)}/api/voice/attempts/${encodeURIComponent(attemptId)}/${purpose}?exp=${expires}&sig=${sig}`;
}

/** Checks a document URL's `exp` and `sig`; false when forged, altered or expired. */
export function verifyDocumentSignature(
  secret: string,
  attemptId: string,
  purpose: CallDocumentPurpose,
  exp: string | undefined,
  sig: string | undefined,
  now: Date = new Date(),
): boolean {
  if (!exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[0-9a-f]{64}$/.test(sig)) return false;
  const expires = Number(exp);
  const genuine = timingSafeEqual(
    Buffer.from(sig, 'hex'),
    documentSignature(secret, attemptId, purpose, expires),
  );
  return genuine && expires >= Math.floor(now.getTime() / 1000);
}
