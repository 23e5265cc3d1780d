import type { IncomingMessage } from 'node:http';

/** One API request as the fake saw it: tests check that every request came to the fake. */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  /** The Basic credentials matched the account. */
  authorized: boolean;
}

/** Reads a request body (Twilio's API takes form-encoded bodies). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** True when the `Authorization: Basic` header names this account SID and auth token. */
export function isAuthorized(req: IncomingMessage, accountSid: string, authToken: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded === `${accountSid}:${authToken}`;
}

/** A form as a plain record (the last value of a repeated name wins; `StatusCallbackEvent` is kept whole). */
export function formRecord(form: URLSearchParams): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return record;
}
