import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromCampaign } from '@engine/activities';
import type { CampaignModeJson } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';
import { createDialNextBatch } from '../src/campaign/dial/dial-next-batch';

/** What the simulated carrier was handed for a call: `GET /sim/calls` lists the request. */
type SimCall = { attemptId: string } & Record<string, unknown>;

/**
 * The worker dials each prospect with its own plan: a prospect's `call_config` (a queued call)
 * reaches the carrier; a campaign prospect's call carries the campaign's plan only.
 */
describe('dialNextBatch places each call with its prospect call_config', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const simCall = async (attemptId: string): Promise<SimCall | undefined> => {
    const res = await fetch(`${stack.sim.url}/sim/calls?attemptId=${encodeURIComponent(attemptId)}`);
    return ((await res.json()) as { calls: SimCall[] }).calls[0];
  };

  async function dialOne(mode: CampaignModeJson, callConfig: Record<string, unknown> | null, phone: string) {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 1);
    const campaign = await seedCampaign(db(), customer.id, { mode: { calls_per_second: 5, ...mode } });
    await db()
      .insertInto('prospects')
      .values({
        campaign_id: campaign.id,
        phone,
        area_code: phone.slice(2, 5),
        timezone: zoneWithLocalHour(new Date(), 9, 19),
        call_config: callConfig,
        ad_hoc: callConfig !== null,
        // Due by the activity's millisecond clock (the database's now() has microseconds).
        next_attempt_at: new Date(),
      })
      .execute();
    const settings = settingsFromCampaign(campaign);
    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: `plan-${phone}`, limit: 5 });
    expect(result.dialed).toHaveLength(1);
    return simCall(result.dialed[0]?.attemptId ?? '');
  }

  it('call_config overrides the agent and its fields reach the carrier', async () => {
    const variables = { first_name: 'Ada' };
    const call = await dialOne(
      { agent: 'plain' },
      {
        agent: 'ai',
        max_duration: 60,
        recording_enabled: true,
        voice: 'Polly.Joanna',
        flow_name: 'renewal',
        answer_url: 'https://customer.example.com/answer',
        variables,
      },
      '+14155557001',
    );
    expect(call).toMatchObject({
      agent: 'ai',
      maxDurationSeconds: 60,
      record: true,
      voice: 'Polly.Joanna',
      flowName: 'renewal',
      answerUrl: 'https://customer.example.com/answer',
      variables,
    });
  });

  it('a campaign prospect (no call_config) is dialed with the campaign plan only', async () => {
    const call = await dialOne(
      { agent: 'ai', voicemail_drop_url: 'https://cdn.example.com/vm.mp3' },
      null,
      '+14155557002',
    );
    expect(call).toMatchObject({ agent: 'ai' });
    for (const field of ['answerUrl', 'maxDurationSeconds', 'record', 'voice', 'flowName', 'variables']) {
      expect(call).not.toHaveProperty(field);
    }
  });
});
