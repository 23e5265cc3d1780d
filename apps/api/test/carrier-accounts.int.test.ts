import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCarrierAccount } from '@engine/db';
import { dataDir } from '@engine/local-services';
import { credentialsCipherFromEnv, toCarrierAccountRecord } from '@engine/activities';
import { spawnWorkerProcess, TEST_CARRIER_CREDENTIALS_KEY } from '@engine/test-stack';
import { createApiApp } from '../src/create-app';
import type { ApiClient } from './support/api-stack';
import { startApiStack } from './support/api-stack';
import type { ApiStack } from './support/api-stack';

const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TWILIO_TOKEN = 'tw-secret-7f3a9c1e5b2d8f4a';
const TELNYX = {
  apiKey: 'KEY-telnyx-secret-91b2c3',
  publicKey: `${'telnyxPublicKeyBase64'.padEnd(43, 'Q')}=`,
  connectionId: '2345678901',
};
const PLIVO = { authId: 'MAXXXXXXXXXXXXXXXXXX', authToken: 'pl-secret-4e5f6a7b8c9d0e1f' };
const SECRETS = [TWILIO_TOKEN, TELNYX.apiKey, PLIVO.authToken];

/** Runs `use` with a local "carrier" that answers every request with `status`. */
async function withCarrierAnswering(status: number, use: (url: string) => Promise<void>): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    // Twilio's error body; 20003 is its "authenticate" error.
    const code = status === 401 ? 20003 : undefined;
    res.end(JSON.stringify({ code, message: 'answered by the test carrier', status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const twilioAccount = (extra: Record<string, unknown> = {}) => ({
  provider: 'twilio',
  name: 'Twilio production',
  credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
  ...extra,
});

/** Everything the API logs (Nest's logger) and writes to stdout / stderr while `run` runs. */
async function captureLogs(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (message: unknown, ...params: unknown[]) => {
      lines.push(`${level} ${JSON.stringify([message, ...params])}`);
    };
  const capture: LoggerService = {
    log: record('log'),
    error: record('error'),
    warn: record('warn'),
    debug: record('debug'),
    verbose: record('verbose'),
    fatal: record('fatal'),
  };
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const tee = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  Logger.overrideLogger(capture);
  process.stdout.write = tee as typeof process.stdout.write;
  process.stderr.write = tee as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    Logger.overrideLogger(false as never);
  }
  return lines.join('\n');
}

describe('carrier accounts (POST/GET/DELETE /api/carrier-accounts, sync-dids, DIDs on accounts)', () => {
  let s: ApiStack;
  let a: ApiClient;
  let b: ApiClient;
  let aId: string;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http: a, customerId: aId } = await s.tenant('Account Holder'));
    ({ http: b } = await s.tenant('Other Tenant'));
  });
  const storedAccount = async (id: string) => {
    const row = await findCarrierAccount(s.stack.database.db, aId, id);
    if (!row) throw new Error(`carrier account ${id} is not stored`);
    return row;
  };
  afterAll(() => s?.close());

  it('without CARRIER_CREDENTIALS_KEY the API starts (no account yet) but refuses to store credentials: 503 naming it', async () => {
    const key = process.env['CARRIER_CREDENTIALS_KEY'];
    delete process.env['CARRIER_CREDENTIALS_KEY'];
    const api = await createApiApp({ logger: false });
    try {
      await api.listen(0, '127.0.0.1');
      const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
      const res = await fetch(`${url}/api/carrier-accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(twilioAccount()),
      });
      const text = await res.text();
      expect(res.status, text).toBe(503);
      expect(text).toContain('CARRIER_CREDENTIALS_KEY');
      expect(text).toContain('openssl rand -hex 32');
      expect(text).not.toContain(TWILIO_TOKEN);
    } finally {
      process.env['CARRIER_CREDENTIALS_KEY'] = key;
      await api.close();
    }
    expect(await s.stack.database.db.selectFrom('carrier_accounts').select('id').execute()).toEqual([]);
  });

  it('creates, lists and gets accounts without ever answering or logging a credential', async () => {
    let created: any;
    let telnyx: any;
    const logs = await captureLogs(async () => {
      const res = await a.post('/carrier-accounts', twilioAccount());
      expect(res.status, res.text).toBe(201);
      created = res.body;
      const tx = await a.post('/carrier-accounts', {
        provider: 'telnyx',
        name: 'Telnyx',
        credentials: TELNYX,
      });
      expect(tx.status, tx.text).toBe(201);
      telnyx = tx.body;
      const pl = await a.post('/carrier-accounts', { provider: 'plivo', name: 'Plivo', credentials: PLIVO });
      expect(pl.status, pl.text).toBe(201);
      const bad = await a.post(
        '/carrier-accounts',
        twilioAccount({ credentials: { accountSid: TWILIO_SID, authToken: 'bad-tok' } }),
      );
      expect(bad.status).toBe(400);
      const list = await a.get('/carrier-accounts');
      const one = await a.get(`/carrier-accounts/${created.id}`);
      for (const res of [list, one, tx, pl, bad]) {
        for (const secret of [...SECRETS, 'bad-tok']) expect(res.text).not.toContain(secret);
      }
      expect(list.body.items.map((i: any) => i.provider)).toEqual(['twilio', 'telnyx', 'plivo']);
      expect(one.body).toEqual(created);
    });
    expect(created).toEqual({
      id: expect.any(String),
      provider: 'twilio',
      name: 'Twilio production',
      accountRef: TWILIO_SID,
      cpsLimit: 1,
      apiBaseUrl: null,
      credentialFields: ['accountSid', 'authToken'],
      createdAt: expect.any(String),
    });
    expect(telnyx).toMatchObject({
      accountRef: null,
      cpsLimit: 16,
      credentialFields: ['apiKey', 'connectionId', 'publicKey'],
    });
    // The capture saw the API's own lines, so it would have seen a leaked credential.
    expect(logs).toContain(`carrier account ${created.id} (twilio) created`);
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
    // At rest: a v1 AES-GCM ciphertext, no credential in the clear.
    const row = await storedAccount(created.id);
    expect(row.credentials_ciphertext).toMatch(/^v1:/);
    expect(row.credentials_ciphertext).not.toContain(TWILIO_TOKEN);
  });

  it('defaults the CPS limit per provider and takes a given one and an API base URL', async () => {
    const plivo = await a.post('/carrier-accounts', { provider: 'plivo', name: 'P', credentials: PLIVO });
    expect(plivo.body).toMatchObject({ cpsLimit: 2, accountRef: PLIVO.authId });
    const sim = await a.post('/carrier-accounts', { provider: 'sim', name: 'Sim', credentials: {} });
    expect(sim.body).toMatchObject({ cpsLimit: 100, credentialFields: [] });
    const given = await a.post(
      '/carrier-accounts',
      twilioAccount({ cps_limit: 0.5, api_base_url: 'https://api.dublin.ie1.twilio.com' }),
    );
    expect(given.status, given.text).toBe(201);
    expect(given.body).toMatchObject({ cpsLimit: 0.5, apiBaseUrl: 'https://api.dublin.ie1.twilio.com' });
  });

  it.each([
    [
      'a missing credential',
      twilioAccount({ credentials: { accountSid: TWILIO_SID } }),
      'credentials.authToken',
    ],
    [
      'a malformed credential',
      twilioAccount({ credentials: { accountSid: 'AC1', authToken: TWILIO_TOKEN } }),
      'credentials.accountSid',
    ],
    [
      'a non-string credential',
      twilioAccount({ credentials: { accountSid: TWILIO_SID, authToken: 12 } }),
      'credentials.authToken',
    ],
    [
      'an unknown credential field',
      twilioAccount({ credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiSecret: 'y' } }),
      'apiSecret',
    ],
    ['credentials not an object', twilioAccount({ credentials: 'token' }), 'credentials'],
    ['an unknown provider', twilioAccount({ provider: 'vonage' }), 'provider'],
    ['no name', twilioAccount({ name: '' }), 'name'],
    ['a zero CPS limit', twilioAccount({ cps_limit: 0 }), 'cps_limit'],
    ['a CPS limit over 1000', twilioAccount({ cps_limit: 1001 }), 'cps_limit'],
    [
      'an API base URL that is not http(s)',
      twilioAccount({ api_base_url: 'ftp://api.example.com' }),
      'api_base_url',
    ],
    [
      'a Telnyx public key that is not a 32-byte ed25519 key',
      { provider: 'telnyx', name: 'T', credentials: { ...TELNYX, publicKey: 'not-a-key'.padEnd(44, 'x') } },
      'credentials.publicKey',
    ],
    ['an unknown top-level field', twilioAccount({ region: 'eu' }), 'region'],
    [
      // It goes into an HTTP header: it could never be sent.
      'a Telnyx API key that is not ASCII',
      { provider: 'telnyx', name: 'T', credentials: { ...TELNYX, apiKey: 'KEY-schlüssel-123' } },
      'credentials.apiKey',
    ],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const res = await a.post('/carrier-accounts', body);
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', field: expect.stringContaining(field) });
    expect(res.body.message).toContain(field);
    expect(res.text).not.toContain(TWILIO_TOKEN);
  });

  it('rotates credentials with PATCH: re-encrypted, never answered or logged, validated; nobody else may', async () => {
    const account = (await a.post('/carrier-accounts', twilioAccount({ name: 'To rotate' }))).body;
    const rotated = 'tw-rotated-0123456789abcdef';
    let res: any;
    const logs = await captureLogs(async () => {
      res = await a.patch(`/carrier-accounts/${account.id}`, {
        provider: 'twilio',
        name: 'Rotated',
        cps_limit: 5,
        credentials: { accountSid: TWILIO_SID, authToken: rotated },
      });
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: account.id, name: 'Rotated', cpsLimit: 5, accountRef: TWILIO_SID });
    expect(res.text).not.toContain(rotated);
    expect(logs).toContain(`carrier account ${account.id} updated`);
    expect(logs).not.toContain(rotated);
    const row = await storedAccount(account.id);
    const cipher = credentialsCipherFromEnv({ CARRIER_CREDENTIALS_KEY: TEST_CARRIER_CREDENTIALS_KEY })!;
    expect(toCarrierAccountRecord(row, cipher).credentials).toEqual({
      accountSid: TWILIO_SID,
      authToken: rotated,
    });

    const bad = await a.patch(`/carrier-accounts/${account.id}`, {
      provider: 'twilio',
      credentials: { accountSid: TWILIO_SID },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'credentials.authToken' });
    // The provider tells which credential fields apply: required, and it cannot change.
    const noProvider = await a.patch(`/carrier-accounts/${account.id}`, { name: 'x' });
    expect(noProvider.status).toBe(400);
    expect(noProvider.body).toMatchObject({ field: 'provider' });
    const otherProvider = await a.patch(`/carrier-accounts/${account.id}`, {
      provider: 'plivo',
      credentials: PLIVO,
    });
    expect(otherProvider.status, otherProvider.text).toBe(409);
    expect(otherProvider.body).toMatchObject({ code: 'provider_mismatch', field: 'provider' });
    expect(
      (await b.patch(`/carrier-accounts/${account.id}`, { provider: 'twilio', name: 'Taken' })).status,
    ).toBe(404);
    expect((await a.get(`/carrier-accounts/${account.id}`)).body.name).toBe('Rotated');
    // null takes the carrier's public API URL back.
    await a.patch(`/carrier-accounts/${account.id}`, {
      provider: 'twilio',
      api_base_url: 'https://example.test',
    });
    const reset = await a.patch(`/carrier-accounts/${account.id}`, {
      provider: 'twilio',
      api_base_url: null,
    });
    expect(reset.body.apiBaseUrl).toBeNull();
  });

  it('lets no other customer see, delete, sync or put a DID on the account (404)', async () => {
    const account = (await a.post('/carrier-accounts', twilioAccount())).body;
    expect((await b.get(`/carrier-accounts/${account.id}`)).status).toBe(404);
    expect((await b.delete(`/carrier-accounts/${account.id}`)).status).toBe(404);
    expect((await b.post(`/carrier-accounts/${account.id}/sync-dids`)).status).toBe(404);
    expect((await b.get('/carrier-accounts')).body.items).toEqual([]);
    const did = await b.post('/dids', { number: '+14155550150', carrier_account_id: account.id });
    expect(did.status, did.text).toBe(404);
    expect(did.body.message).toContain('carrier_account_id');
    expect((await b.get('/dids')).body.items).toEqual([]);
    expect((await a.get(`/carrier-accounts/${account.id}`)).status).toBe(200);
  });

  it('puts DIDs on an account, refuses to delete it while they hold it (409 naming the count), then deletes', async () => {
    const account = (await a.post('/carrier-accounts', twilioAccount({ name: 'To delete' }))).body;
    const onAccount = await a.post('/dids', { number: '+14155550160', carrier_account_id: account.id });
    expect(onAccount.status, onAccount.text).toBe(201);
    expect(onAccount.body.carrierAccountId).toBe(account.id);
    const second = await a.post('/dids', {
      number: '+14155550161',
      carrier_account_id: account.id.toUpperCase(),
    });
    expect(second.body.carrierAccountId).toBe(account.id);
    const plain = await a.post('/dids', { number: '+14155550162' });
    expect(plain.body.carrierAccountId).toBeNull();
    expect((await a.post('/dids', { number: '+14155550163', carrier_account_id: 'nope' })).status).toBe(400);

    const refused = await a.delete(`/carrier-accounts/${account.id}`);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.message).toContain('2 DID');
    await a.post(`/dids/${onAccount.body.id}/retire`);
    expect((await a.delete(`/carrier-accounts/${account.id}`)).body.message).toContain('1 DID');
    await a.post(`/dids/${second.body.id}/retire`);

    // A real DELETE: afterwards the account's URL answers 404 to everything, a second DELETE too.
    expect((await a.delete(`/carrier-accounts/${account.id}`)).status).toBe(204);
    expect((await a.get(`/carrier-accounts/${account.id}`)).status).toBe(404);
    expect((await a.delete(`/carrier-accounts/${account.id}`)).status).toBe(404);
    expect((await a.patch(`/carrier-accounts/${account.id}`, { provider: 'twilio', name: 'x' })).status).toBe(
      404,
    );
    expect((await a.post(`/carrier-accounts/${account.id}/sync-dids`)).status).toBe(404);
    expect((await a.get('/carrier-accounts?limit=1000')).body.items.map((i: any) => i.id)).not.toContain(
      account.id,
    );
    const late = await a.post('/dids', { number: '+14155550164', carrier_account_id: account.id });
    expect(late.status).toBe(404);
  });

  it('pages the list by cursor, oldest first, stable while accounts are added', async () => {
    const all = (await a.get('/carrier-accounts?limit=1000')).body;
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await a.get(`/carrier-accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: any) => i.id));
      // Added mid-walk: it sorts after every page already read, so nothing repeats or goes missing.
      if (seen.length === 2) await a.post('/carrier-accounts', twilioAccount({ name: 'Added while paging' }));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, all.items.length)).toEqual(all.items.map((i: any) => i.id));
    expect(seen).toHaveLength(all.items.length + 1);
    expect(new Set(seen).size).toBe(seen.length);
    for (const bad of ['limit=0', 'limit=1001', 'limit=2.5', 'offset=1', 'cursor=garbage']) {
      const res = await a.get(`/carrier-accounts?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.field, bad).toBe(bad.split('=')[0]);
    }
  });

  it('syncs a sim account (the simulator owns no numbers); a carrier failure is a 409, 429 or 502 by its cause', async () => {
    const sim = (await a.post('/carrier-accounts', { provider: 'sim', name: 'Sim', credentials: {} })).body;
    const synced = await a.post(`/carrier-accounts/${sim.id}/sync-dids`);
    expect(synced.status, synced.text).toBe(200);
    expect(synced.body).toEqual({ created: 0, attached: 0, unchanged: 0, refused: [] });
    const syncAt = async (baseUrl: string) => {
      const account = (await a.post('/carrier-accounts', twilioAccount({ api_base_url: baseUrl }))).body;
      const res = await a.post(`/carrier-accounts/${account.id}/sync-dids`);
      expect(res.text).not.toContain(TWILIO_TOKEN);
      return res;
    };
    // Nothing listens on port 9: the base URL the customer set does not answer at all.
    const unreachable = await syncAt('http://127.0.0.1:9');
    expect(unreachable.status, unreachable.text).toBe(409);
    expect(unreachable.body).toMatchObject({ code: 'carrier_unreachable', field: 'api_base_url' });
    await withCarrierAnswering(401, async (url) => {
      const refused = await syncAt(url);
      expect(refused.status, refused.text).toBe(409);
      expect(refused.body).toMatchObject({ code: 'carrier_auth_refused' });
      expect(refused.body.message).toMatch(/twilio refused the credentials/);
    });
    await withCarrierAnswering(429, async (url) => {
      const limited = await syncAt(url);
      expect(limited.status, limited.text).toBe(429);
      expect(limited.body).toMatchObject({ code: 'carrier_rate_limited' });
    });
    await withCarrierAnswering(503, async (url) => {
      const failing = await syncAt(url);
      expect(failing.status, failing.text).toBe(502);
      expect(failing.body).toMatchObject({ code: 'carrier_unavailable' });
    });
  });

  it('refuses to start the API or the worker without the key once accounts exist, naming it', async () => {
    const key = process.env['CARRIER_CREDENTIALS_KEY'];
    delete process.env['CARRIER_CREDENTIALS_KEY'];
    try {
      await expect(createApiApp({ logger: false })).rejects.toThrow(
        /CARRIER_CREDENTIALS_KEY is not set.*openssl rand -hex 32/,
      );
    } finally {
      process.env['CARRIER_CREDENTIALS_KEY'] = key;
    }
    const logFile = join(dataDir(), 'logs', 'test', `worker-no-key-${aId}.log`);
    const worker = await spawnWorkerProcess(s.stack, { env: { CARRIER_CREDENTIALS_KEY: '' }, logFile });
    const exit = await worker.exited;
    expect(exit.code).toBe(1);
    expect(readFileSync(logFile, 'utf8')).toMatch(/CARRIER_CREDENTIALS_KEY is not set.*openssl rand -hex 32/);
  });
});
