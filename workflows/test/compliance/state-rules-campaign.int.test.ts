import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { JURISDICTION_RULES, publicHolidays, resolveRecipientPlace } from '@engine/domain';
import type { CampaignStack } from '@engine/test-stack';
import { startCampaignStack } from '@engine/test-stack';
import { createTimeSkippingEnv, seedCampaign, seedCustomer, seedDids, seedProspects } from '@engine/testing';
import { oracleAllowed } from '../../../libs/domain/test/compliance/contact-window-oracle';

const CENTRAL = 'America/Chicago';

/** Florida, Texas, Washington, Florida's split panhandle code (Eastern + Central) and Louisiana. */
const AREAS = [
  { areaCode: '305', label: 'FL' },
  { areaCode: '512', label: 'TX' },
  { areaCode: '206', label: 'WA' },
  { areaCode: '850', label: 'FL split' },
  { areaCode: '504', label: 'LA' },
] as const;
const PER_AREA_AND_DAY = 3;

/** The first local date after `from` (at least a day later) that `accept` takes. */
function nextDate(from: DateTime, accept: (d: DateTime) => boolean): DateTime {
  let day = from.plus({ days: 2 }).startOf('day');
  for (let i = 0; i < 400 && !accept(day); i++) day = day.plus({ days: 1 });
  return day;
}

/**
 * Invariant 3 beyond the federal window, on the time-skipping server: prospects in states with
 * stricter rules fall due early on a Sunday and on a Louisiana holiday; the campaign contacts each
 * exactly once, and never at an instant any rule of its state, its zones or its holidays forbids.
 */
describe('a campaign across FL, TX, WA, a split area code and LA, on a Sunday and a state holiday', () => {
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

  it('contacts nobody outside the rules of their state, zones and holidays', async () => {
    const serverNow = DateTime.fromMillis(await env.currentTimeMs(), { zone: CENTRAL });
    const sunday = nextDate(serverNow, (d) => d.weekday === 7);
    const holiday = nextDate(
      serverNow,
      (d) => d.weekday !== 7 && publicHolidays('US-LA', d.year).has(d.toISODate() ?? ''),
    );
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 4);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 10, max_attempts: 1 },
    });

    // Due at 07:05 Central: 08:05 Eastern, 05:05 Pacific. Nobody may be called at that instant
    // (Texas opens at 09:00, noon on Sundays; Louisiana not at all on either day).
    const due = new Map<number, { label: string; dueAt: Date; phone: string }>();
    let startAt = 4_100_000;
    for (const day of [sunday, holiday]) {
      const dueAt = day.set({ hour: 7, minute: 5 }).toJSDate();
      for (const { areaCode, label } of AREAS) {
        const rows = await seedProspects(db(), campaign.id, PER_AREA_AND_DAY, { areaCode, startAt });
        startAt += 100;
        await db()
          .updateTable('prospects')
          .set({ next_attempt_at: dueAt })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        for (const r of rows) due.set(r.id, { label, dueAt, phone: r.phone });
      }
    }

    const workflowId = await stack.startCampaign(campaign.id);
    const result = (await stack.temporal.client.workflow
      .getHandle(workflowId)
      .result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');

    const attempts = await db()
      .selectFrom('call_attempts')
      .select(['prospect_id', 'to_number', 'originated_at'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    // Everyone exactly once.
    expect(attempts.map((a) => a.prospect_id).sort()).toEqual([...due.keys()].sort());

    for (const a of attempts) {
      const p = due.get(a.prospect_id)!;
      const at = a.originated_at!;
      const place = resolveRecipientPlace({ e164: a.to_number });
      const rules = {
        channel: 'voice' as const,
        zones: place.zones,
        regions: place.regions,
        rules: JURISDICTION_RULES,
      };
      const where = `${p.label} ${a.to_number} at ${at.toISOString()}`;
      // An oracle that reads each zone's wall clock and every rule row itself.
      expect(oracleAllowed(at.getTime(), rules), where).toBe(true);
      expect(at.getTime(), where).toBeGreaterThanOrEqual(p.dueAt.getTime());
      const local = (zone: string) => DateTime.fromJSDate(at, { zone });
      if (p.label === 'LA') {
        expect(local(CENTRAL).weekday, where).not.toBe(7);
        expect(local(CENTRAL).toISODate(), where).not.toBe(holiday.toISODate());
      }
      if (p.label === 'TX' && p.dueAt.getTime() === sunday.set({ hour: 7, minute: 5 }).toMillis()) {
        expect(local(CENTRAL).hour, where).toBeGreaterThanOrEqual(12);
      }
      if (p.label.startsWith('FL')) {
        for (const zone of place.zones) {
          expect(local(zone).hour, where).toBeGreaterThanOrEqual(8);
          expect(local(zone).hour, where).toBeLessThan(20);
        }
      }
      if (p.label === 'WA') expect(local('America/Los_Angeles').hour, where).toBeGreaterThanOrEqual(8);
    }
    // The split code waits for 08:00 on its Central side, an hour after its Eastern side opens.
    const split = attempts.filter((a) => due.get(a.prospect_id)?.label === 'FL split');
    for (const a of split)
      expect(DateTime.fromJSDate(a.originated_at!, { zone: CENTRAL }).hour).toBeGreaterThanOrEqual(8);
  }, 240_000);
});
