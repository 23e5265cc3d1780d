/**
 * Credentials travel in HTTP headers (a bearer key, Basic auth) and request paths: a character
 * outside visible ASCII could never be sent, so the carrier call would fail however often it is
 * retried. Every real key, token and id is visible ASCII; the schemas say so up front.
 */
export const VISIBLE_ASCII = /^[!-~]+$/;
export const VISIBLE_ASCII_MESSAGE = 'must be visible ASCII characters (no spaces)';
