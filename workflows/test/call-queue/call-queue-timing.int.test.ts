import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultCallBackoff, JURISDICTION_RULES, resolveRecipientPlace } from '@engine/domain';
import type { CampaignStack } from '@engine/test-stack';
import { queueCalls, queuedCall, startCampaignStack } from '@engine/test-stack';
import { createTimeSkippingEnv, seedCustomer, seedDids } from '@engine/testing';
import { oracleAllowed } from '../../../libs/domain/test/compliance/contact-window-oracle';

const NEW_YORK = 'America/New_York';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The call queue's clock, on the time-skipping server: a scheduled call is dialed at its time
 * (not before, within seconds after), one queued in the recipient's night waits for the window,
 * and a call that keeps failing is retried with growing backoff until its `max_retries`.
 */
describe('call queue timing (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCampaignStack({ timeSkipping: env, timeScale: 0.001 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await stack?.close();
    await env?.teardown();
  });

  const db = () => stack.database.db;
  const serverNow = async () => DateTime.fromMillis(await env.currentTimeMs(), { zone: NEW_YORK });

  /** Skips server time in steps until `done`, giving the worker real time to act after each step. */
  async function skipUntil(what: string, done: () => Promise<boolean>, stepMs: number, maxSteps = 400) {
    for (let i = 0; i < maxSteps; i++) {
      if (await done()) return;
      await env.sleep(stepMs);
      await sleep(50);
    }
    throw new Error(`server time ran out waiting for ${what}`);
  }

  async function attemptsOf(callId: string) {
    return db()
      .selectFrom('call_attempts')
      .innerJoin('queued_calls', 'queued_calls.prospect_id', 'call_attempts.prospect_id')
      .select([
        'call_attempts.attempt_number',
        'call_attempts.originated_at',
        'call_attempts.outcome',
        'call_attempts.to_number',
      ])
      .where('queued_calls.id', '=', callId)
      .orderBy('call_attempts.attempt_number')
      .execute();
  }
  const prospectOf = (callId: string) =>
    db()
      .selectFrom('queued_calls')
      .innerJoin('prospects', 'prospects.id', 'queued_calls.prospect_id')
      .select(['prospects.status', 'prospects.attempt_count'])
      .where('queued_calls.id', '=', callId)
      .executeTakeFirstOrThrow();

  it('dials a scheduled call at its time, and a call queued at night when the window opens', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 3, { areaCode: '212' });
    stack.sim.configure({ byAreaCode: { '212': { weights: { human_connected: 1 } } } });

    const now = await serverNow();
    // Tomorrow 11:00 in New York: inside every rule's window; and tomorrow 03:00 (night).
    const scheduledAt = now.plus({ days: 1 }).set({ hour: 11, minute: 0, second: 0, millisecond: 0 });
    const nightAt = now.plus({ days: 1 }).set({ hour: 3, minute: 0, second: 0, millisecond: 0 });
    const { results } = await queueCalls(
      stack,
      customer.id,
      [
        queuedCall('+12125550101', {
          scheduledAt: scheduledAt.toJSDate(),
          timezone: NEW_YORK,
          priority: 'high',
        }),
        queuedCall('+12125550102', { scheduledAt: nightAt.toJSDate(), timezone: NEW_YORK }),
      ],
      now.toJSDate(),
    );
    const [scheduled, night] = results;

    await skipUntil(
      'both calls',
      async () =>
        (await attemptsOf(scheduled!.callId)).length > 0 && (await attemptsOf(night!.callId)).length > 0,
      10 * 60_000,
    );
    const dialedAt = (await attemptsOf(scheduled!.callId))[0]!.originated_at!;
    expect(dialedAt.getTime()).toBeGreaterThanOrEqual(scheduledAt.toMillis());
    // Steps of 10 min of server time: "within seconds" is the next step at the latest, then
    // checked exactly below through the workflow's own timer.
    expect(dialedAt.getTime() - scheduledAt.toMillis()).toBeLessThan(10 * 60_000);

    const nightDial = (await attemptsOf(night!.callId))[0]!;
    const place = resolveRecipientPlace({ e164: nightDial.to_number, timezone: NEW_YORK });
    const rules = {
      channel: 'voice' as const,
      zones: place.zones,
      regions: place.regions,
      rules: JURISDICTION_RULES,
    };
    expect(oracleAllowed(nightDial.originated_at!.getTime(), rules)).toBe(true);
    expect(DateTime.fromJSDate(nightDial.originated_at!, { zone: NEW_YORK }).hour).toBeGreaterThanOrEqual(8);
  }, 180_000);

  it('dials a scheduled call within seconds of its time, the skipped clock stepping 5 s at a time near it', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 3, { areaCode: '212' });
    const now = await serverNow();
    const scheduledAt = now.plus({ days: 2 }).set({ hour: 14, minute: 30, second: 0, millisecond: 0 });
    const { results } = await queueCalls(
      stack,
      customer.id,
      [queuedCall('+12125550201', { scheduledAt: scheduledAt.toJSDate(), timezone: NEW_YORK })],
      now.toJSDate(),
    );
    await env.sleep(scheduledAt.toMillis() - now.toMillis() - 60_000);
    await skipUntil('the call', async () => (await attemptsOf(results[0]!.callId)).length > 0, 5_000);
    const dialedAt = (await attemptsOf(results[0]!.callId))[0]!.originated_at!;
    expect(dialedAt.getTime()).toBeGreaterThanOrEqual(scheduledAt.toMillis());
    expect(dialedAt.getTime() - scheduledAt.toMillis()).toBeLessThan(10_000);
  }, 120_000);

  it('retries a busy number with growing backoff, within the contact cap, and stops at max_retries', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 3, { areaCode: '646' });
    stack.sim.configure({ byAreaCode: { '646': { weights: { busy: 1 } } } });
    // Queued for tomorrow 10:00 in New York, so every retry falls inside the window.
    const now = await serverNow();
    const startAt = now.plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const { results } = await queueCalls(
      stack,
      customer.id,
      [queuedCall('+16465550301', { maxRetries: 3, timezone: NEW_YORK, scheduledAt: startAt.toJSDate() })],
      now.toJSDate(),
    );
    await env.sleep(startAt.toMillis() - now.toMillis() - 60_000);
    const callId = results[0]!.callId;
    const settled = async (n: number) =>
      (await attemptsOf(callId)).filter((a) => a.outcome !== null).length >= n;
    await skipUntil('three attempts', () => settled(3), 15_000);

    let attempts = await attemptsOf(callId);
    expect(attempts.slice(0, 3).every((a) => a.outcome === 'busy')).toBe(true);
    const gaps = [1, 2].map(
      (i) => attempts[i]!.originated_at!.getTime() - attempts[i - 1]!.originated_at!.getTime(),
    );
    gaps.forEach((gap, i) => {
      const nominal = DefaultCallBackoff.baseSeconds * DefaultCallBackoff.factor ** i * 1000;
      expect(gap).toBeGreaterThanOrEqual(nominal * (1 - DefaultCallBackoff.jitter));
      // Plus the 15-s steps of skipped time and the call's own ring time.
      expect(gap).toBeLessThanOrEqual(nominal * (1 + DefaultCallBackoff.jitter) + 30_000);
    });
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);

    // The fourth attempt is due after about 4 minutes, but three contacts in 24 hours is the
    // number's cap: it waits until a day after the first.
    await env.sleep(24 * 3_600_000);
    await skipUntil('the fourth attempt', async () => (await prospectOf(callId)).status === 'busy', 15_000);
    attempts = await attemptsOf(callId);
    expect(attempts.map((a) => [a.attempt_number, a.outcome])).toEqual([
      [1, 'busy'],
      [2, 'busy'],
      [3, 'busy'],
      [4, 'busy'],
    ]);
    expect(
      attempts[3]!.originated_at!.getTime() - attempts[0]!.originated_at!.getTime(),
    ).toBeGreaterThanOrEqual(24 * 3_600_000);

    // Nothing after the last retry, and the retries were announced.
    await env.sleep(3 * 3_600_000);
    await sleep(200);
    expect(await attemptsOf(callId)).toHaveLength(4);
    const retries = await db()
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('type', '=', 'call.retry_scheduled')
      .where('customer_id', '=', customer.id)
      .execute();
    expect(retries).toHaveLength(3);
  }, 180_000);
});
