import { describe, expect, it } from 'vitest';
import { ConfigError, readEngineEnv } from '@engine/config';
import { defaultCarrierAccount } from '../../src/carriers';

const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const PLIVO_ID = 'MAXXXXXXXXXXXXXXXXXX';

/** The account from these variables, as at start-up. */
const accountFrom = (vars: Record<string, string>) => defaultCarrierAccount(readEngineEnv(vars));

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('defaultCarrierAccount (the account configured from the environment)', () => {
  it('is the simulator by default, at CARRIER_SIM_URL, signing with WEBHOOK_SECRET, 1000 cps', () => {
    expect(accountFrom({})).toEqual({
      id: 'default',
      customerId: null,
      provider: 'sim',
      credentials: { webhookSecret: 'dev-webhook-secret' },
      apiBaseUrl: 'http://127.0.0.1:4010',
      cpsLimit: 1000,
    });
    const sim = accountFrom({
      CARRIER_SIM_URL: 'http://sim.local:9000',
      WEBHOOK_SECRET: 'another-secret',
      CARRIER_CPS_LIMIT: '5',
    });
    expect(sim).toMatchObject({
      apiBaseUrl: 'http://sim.local:9000',
      credentials: { webhookSecret: 'another-secret' },
      cpsLimit: 5,
    });
    expect(accountFrom({ CARRIER_SIM_PORT: '4999' }).apiBaseUrl).toBe('http://127.0.0.1:4999');
  });

  it('takes Twilio credentials, the API base URL and the CPS limit from their variables', () => {
    const account = accountFrom({
      CARRIER_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: 'twilio-auth-token-0123',
      CARRIER_API_BASE_URL: 'https://api.dublin.ie1.twilio.com',
    });
    expect(account).toEqual({
      id: 'default',
      customerId: null,
      provider: 'twilio',
      credentials: { accountSid: TWILIO_SID, authToken: 'twilio-auth-token-0123' },
      apiBaseUrl: 'https://api.dublin.ie1.twilio.com',
      cpsLimit: 1,
    });
  });

  it('takes Telnyx credentials, the messaging profile being optional', () => {
    const vars = {
      CARRIER_PROVIDER: 'telnyx',
      TELNYX_API_KEY: 'KEY0123456789',
      TELNYX_PUBLIC_KEY: `${'A'.repeat(43)}=`,
      TELNYX_CONNECTION_ID: '1234567890',
      CARRIER_CPS_LIMIT: '16',
    };
    expect(accountFrom(vars)).toMatchObject({
      provider: 'telnyx',
      credentials: { apiKey: 'KEY0123456789', publicKey: `${'A'.repeat(43)}=`, connectionId: '1234567890' },
      cpsLimit: 16,
    });
    expect(accountFrom(vars).apiBaseUrl).toBeUndefined();
    expect(accountFrom({ ...vars, TELNYX_MESSAGING_PROFILE_ID: 'mp-1' }).credentials).toHaveProperty(
      'messagingProfileId',
      'mp-1',
    );
  });

  it('takes Plivo credentials', () => {
    const account = accountFrom({
      CARRIER_PROVIDER: 'plivo',
      PLIVO_AUTH_ID: PLIVO_ID,
      PLIVO_AUTH_TOKEN: 'plivo-auth-token-0123',
    });
    expect(account.credentials).toEqual({ authId: PLIVO_ID, authToken: 'plivo-auth-token-0123' });
  });

  it('names every missing variable', () => {
    const message = configError(() =>
      accountFrom({ CARRIER_PROVIDER: 'telnyx', TELNYX_API_KEY: 'KEY0123456789' }),
    );
    expect(message).toContain('TELNYX_PUBLIC_KEY');
    expect(message).toContain('TELNYX_CONNECTION_ID');
    expect(message).not.toContain('TELNYX_API_KEY');
    expect(message).not.toContain('TELNYX_MESSAGING_PROFILE_ID');
    expect(configError(() => accountFrom({ CARRIER_PROVIDER: 'plivo' }))).toMatch(
      /PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN/,
    );
  });

  it('names an invalid variable and what is wrong, never its value', () => {
    const message = configError(() =>
      accountFrom({
        CARRIER_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: 'not-a-sid',
        TWILIO_AUTH_TOKEN: 'tok-xyz',
      }),
    );
    expect(message).toContain('TWILIO_ACCOUNT_SID');
    expect(message).toContain('TWILIO_AUTH_TOKEN');
    expect(message).not.toContain('not-a-sid');
    expect(message).not.toContain('tok-xyz');
  });

  it('reads empty variables (a compose file passing `${VAR:-}`) as unset', () => {
    expect(
      accountFrom({
        CARRIER_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: TWILIO_SID,
        TWILIO_AUTH_TOKEN: 'token-0123456789abcdef',
        CARRIER_API_BASE_URL: '',
        CARRIER_CPS_LIMIT: '',
        TELNYX_API_KEY: '',
        AGENT_STREAM_URL: '',
        CARRIER_CREDENTIALS_KEY: '',
      }),
    ).toEqual({
      id: 'default',
      customerId: null,
      provider: 'twilio',
      credentials: { accountSid: TWILIO_SID, authToken: 'token-0123456789abcdef' },
      cpsLimit: 1,
    });
  });
});
