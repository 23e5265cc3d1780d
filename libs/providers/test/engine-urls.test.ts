import { describe, expect, it } from 'vitest';
import {
  callStatusUrl,
  DOCUMENT_URL_TTL_SECONDS,
  signedDocumentUrl,
  smsStatusUrl,
  verifyDocumentSignature,
} from '../src';

const now = new Date('2026-12-01T12:00:00Z');

function parts(url: string) {
  const u = new URL(url);
  return {
    path: u.pathname,
    exp: u.searchParams.get('exp') ?? undefined,
    sig: u.searchParams.get('sig') ?? undefined,
  };
}

describe('engine URLs', () => {
  it('routes webhooks per account, the environment account by provider alone', () => {
    expect(callStatusUrl('https://api.example.com/', 'twilio', 'a-1', 'att 1')).toBe(
      'https://api.example.com/api/webhooks/twilio/accounts/a-1/call-status?attempt=att%201',
    );
    expect(callStatusUrl('https://api.example.com', 'sim', null, 'x')).toBe(
      'https://api.example.com/api/webhooks/sim/call-status?attempt=x',
    );
    expect(smsStatusUrl('https://h', 'plivo', 'default', 'm')).toBe(
      'https://h/api/webhooks/plivo/sms-status?message=m',
    );
  });

  it('signs document URLs that verify for their attempt and purpose only, until they expire', () => {
    const url = signedDocumentUrl('https://h', 'secret-1', 'att-1', 'answer', now);
    const { path, exp, sig } = parts(url);
    expect(path).toBe('/api/voice/attempts/att-1/answer');
    expect(verifyDocumentSignature('secret-1', 'att-1', 'answer', exp, sig, now)).toBe(true);
    expect(verifyDocumentSignature('secret-1', 'att-2', 'answer', exp, sig, now)).toBe(false);
    expect(verifyDocumentSignature('secret-1', 'att-1', 'voicemail', exp, sig, now)).toBe(false);
    expect(verifyDocumentSignature('secret-2', 'att-1', 'answer', exp, sig, now)).toBe(false);
    expect(verifyDocumentSignature('secret-1', 'att-1', 'answer', String(Number(exp) + 1), sig, now)).toBe(
      false,
    );
    const later = new Date(now.getTime() + (DOCUMENT_URL_TTL_SECONDS + 1) * 1000);
    expect(verifyDocumentSignature('secret-1', 'att-1', 'answer', exp, sig, later)).toBe(false);
    expect(verifyDocumentSignature('secret-1', 'att-1', 'answer', undefined, sig, now)).toBe(false);
    expect(verifyDocumentSignature('secret-1', 'att-1', 'answer', exp, 'zz', now)).toBe(false);
  });
});
