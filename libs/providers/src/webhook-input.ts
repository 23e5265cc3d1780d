/** HTTP headers as Node and express present them (names are usually, not always, lowercase). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

/**
 * A webhook request as a provider needs it for verification: the headers and the body exactly as
 * received (before any JSON parsing, which would change the bytes the signature covers).
 */
export interface WebhookInput {
  headers: WebhookHeaders;
  rawBody: Buffer | string;
  /**
   * The full public URL the carrier requested, query included, exactly as the carrier saw it
   * (`PUBLIC_API_URL` + the path): Twilio and Plivo sign it. Carriers that sign only the body
   * ignore it.
   */
  url?: string;
  /** `POST` unless said otherwise (Plivo and Twilio may `GET` a document). */
  method?: string;
  /** The verifier's clock; defaults to the current time. Tests pass it to check expiry. */
  now?: Date;
}

/** Case-insensitive header lookup; a repeated header yields its first value. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
