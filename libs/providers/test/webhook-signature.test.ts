import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WebhookSignatureFailure } from '../src';
import { signWebhook, verifyWebhook, WebhookSignatureError } from '../src';

const SECRET = 'whsec-test';
const BODY = '{"attemptId":"a-1","outcome":"busy"}';
const NOW = new Date('2026-11-23T12:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);

function failure(fn: () => unknown): WebhookSignatureFailure | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof WebhookSignatureError) {
      expect(err.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      return err.reason;
    }
    throw err;
  }
}

describe('webhook signatures', () => {
  it('signs as t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, NOW)).toBe(`t=${T},v1=${expected}`);
    // The same bytes as a Buffer sign the same.
    expect(signWebhook(SECRET, Buffer.from(BODY), NOW)).toBe(signWebhook(SECRET, BODY, NOW));
  });

  it('verifies its own signature, as a string or a Buffer body', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhook(SECRET, header, BODY, NOW)).toEqual({ timestamp: T });
    expect(verifyWebhook(SECRET, header, Buffer.from(BODY), new Date(NOW.getTime() + 299_000))).toEqual({
      timestamp: T,
    });
  });

  it('refuses a missing header', () => {
    expect(failure(() => verifyWebhook(SECRET, undefined, BODY, NOW))).toBe('missing');
    expect(failure(() => verifyWebhook(SECRET, '  ', BODY, NOW))).toBe('missing');
  });

  it.each([
    ['no t', 'v1=' + 'a'.repeat(64)],
    ['no v1', `t=${T}`],
    ['short v1', `t=${T},v1=abcd`],
    ['non-numeric t', `t=soon,v1=${'a'.repeat(64)}`],
    ['two t', `t=${T},t=${T},v1=${'a'.repeat(64)}`],
    ['garbage', 'sha256=deadbeef'],
  ])('refuses a malformed header (%s)', (_case, header) => {
    expect(failure(() => verifyWebhook(SECRET, header, BODY, NOW))).toBe('malformed');
  });

  it('refuses a tampered body, a wrong secret and a forged timestamp as mismatch', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(failure(() => verifyWebhook(SECRET, header, BODY.replace('busy', 'human_connected'), NOW))).toBe(
      'mismatch',
    );
    expect(failure(() => verifyWebhook('other-secret', header, BODY, NOW))).toBe('mismatch');
    // Moving t (to dodge expiry) breaks the HMAC, which covers it.
    const shifted = header.replace(`t=${T}`, `t=${T + 600}`);
    expect(failure(() => verifyWebhook(SECRET, shifted, BODY, new Date(NOW.getTime() + 600_000)))).toBe(
      'mismatch',
    );
  });

  it('refuses a genuine signature outside the tolerance window (replay) either way', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(failure(() => verifyWebhook(SECRET, header, BODY, new Date(NOW.getTime() + 301_000)))).toBe(
      'expired',
    );
    expect(failure(() => verifyWebhook(SECRET, header, BODY, new Date(NOW.getTime() - 301_000)))).toBe(
      'expired',
    );
    expect(failure(() => verifyWebhook(SECRET, header, BODY, new Date(NOW.getTime() + 61_000), 60))).toBe(
      'expired',
    );
  });

  it('accepts any of several secrets and any of several v1 values (rotation)', () => {
    const header = signWebhook('new-secret', BODY, NOW);
    expect(failure(() => verifyWebhook(['old-secret', 'new-secret'], header, BODY, NOW))).toBe('accepted');
    const oldSig = signWebhook('old-secret', BODY, NOW).split(',')[1]!;
    expect(failure(() => verifyWebhook('old-secret', `${header},${oldSig}`, BODY, NOW))).toBe('accepted');
  });

  it('refuses to work without a secret', () => {
    expect(() => signWebhook('', BODY, NOW)).toThrow(TypeError);
    expect(() => verifyWebhook([], signWebhook(SECRET, BODY, NOW), BODY, NOW)).toThrow(TypeError);
  });
});
