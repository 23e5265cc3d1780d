import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignModeJson } from '@engine/db';
import { signedDocumentUrl } from '@engine/providers';
import { seedCampaign } from '@engine/testing';
import { TEST_WEBHOOK_SECRET } from '@engine/test-stack';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

const STREAM = 'wss://agent.example.com/stream';

/**
 * The answer document the API serves for an attempt is built from the campaign AND the prospect's
 * own `call_config` (a queued call): the plan the worker dialed with, by the same builder.
 */
describe('call documents follow the prospect call_config', () => {
  let s: ApiStack;
  let http: ApiClient;
  let customerId: string;
  let twilioAccount: string;
  const previousStreamUrl = process.env['AGENT_STREAM_URL'];

  beforeAll(async () => {
    process.env['AGENT_STREAM_URL'] = STREAM;
    s = await startApiStack();
    ({ http, customerId } = await s.tenant('Call plan documents'));
    const account = await http.post('/carrier-accounts', {
      provider: 'twilio',
      name: 'T',
      credentials: { accountSid: `AC${'cd'.repeat(16)}`, authToken: 'twilio-token-0123456789' },
    });
    expect(account.status, account.text).toBe(201);
    twilioAccount = account.body.id as string;
  });
  afterAll(async () => {
    await s?.close();
    if (previousStreamUrl === undefined) delete process.env['AGENT_STREAM_URL'];
    else process.env['AGENT_STREAM_URL'] = previousStreamUrl;
  });

  /** An attempt of a new campaign's prospect, through the Twilio account; its answer TwiML. */
  async function answerTwiml(
    mode: CampaignModeJson,
    message: string | null,
    callConfig: Record<string, unknown> | null,
  ): Promise<string> {
    const db = s.stack.database.db;
    const campaign = await seedCampaign(db, customerId, { mode, message });
    const prospect = await db
      .insertInto('prospects')
      .values({
        campaign_id: campaign.id,
        phone: '+14155550123',
        call_config: callConfig,
        ad_hoc: callConfig !== null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attemptId = randomUUID();
    await db
      .insertInto('call_attempts')
      .values({
        id: attemptId,
        prospect_id: prospect.id,
        campaign_id: campaign.id,
        attempt_number: 1,
        to_number: '+14155550123',
        status: 'originating',
        provider: 'twilio',
        carrier_account_id: twilioAccount,
      })
      .execute();
    const signed = new URL(signedDocumentUrl(s.url, TEST_WEBHOOK_SECRET, attemptId, 'answer'));
    const res = await http.get(`${signed.pathname.replace(/^\/api/, '')}${signed.search}`, { key: null });
    expect(res.status, res.text).toBe(200);
    return res.text;
  }

  it('a campaign prospect (no call_config) gets the campaign plan as before', async () => {
    const twiml = await answerTwiml({ agent: 'plain' }, 'Your order shipped.', null);
    expect(twiml).toContain('<Response><Say>Your order shipped.</Say><Hangup/></Response>');
  });

  it("call_config's agent and voice override the campaign's", async () => {
    const twiml = await answerTwiml({ agent: 'ai' }, 'Hola', { agent: 'plain', voice: 'es-MX' });
    expect(twiml).toContain('<Response><Say language="es-MX">Hola</Say><Hangup/></Response>');
  });

  it("call_config's flow and variables reach the agent stream as parameters", async () => {
    const twiml = await answerTwiml({ agent: 'plain' }, null, {
      agent: 'ai',
      flow_name: 'renewal',
      variables: { first_name: 'Ada' },
    });
    expect(twiml).toContain(`<Stream url="${STREAM}">`);
    expect(twiml).toContain('<Parameter name="flowName" value="renewal"/>');
    expect(twiml).toContain('<Parameter name="variables" value="{&quot;first_name&quot;:&quot;Ada&quot;}"/>');
  });
});
