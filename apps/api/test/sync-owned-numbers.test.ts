import { describe, expect, it } from 'vitest';
import type { DidState } from '@engine/db';
import type { NumberInventory } from '@engine/providers';
import type { DidRegistry, KnownDid } from '../src/carrier-accounts/sync-owned-numbers';
import { RefusalReasons, syncOwnedNumbers } from '../src/carrier-accounts/sync-owned-numbers';

const ACCOUNT = 'acc-1';
const OTHER_ACCOUNT = 'acc-2';

const inventory = (numbers: string[]): NumberInventory => ({ listOwnedNumbers: async () => numbers });

interface Row extends KnownDid {
  number: string;
  customer: 'me' | 'other';
}

/** An in-memory DID pool of two customers, changed as the database would. */
class MemoryRegistry implements DidRegistry {
  readonly rows: Row[] = [];
  /** Numbers another request takes just before this sync creates them. */
  readonly takenByRace = new Set<string>();

  add(
    number: string,
    customer: 'me' | 'other',
    carrierAccountId: string | null = null,
    state: DidState = 'active',
  ) {
    this.rows.push({ id: `did-${this.rows.length + 1}`, number, customer, carrierAccountId, state });
  }
  async findOwn(number: string) {
    return this.rows.find((r) => r.customer === 'me' && r.number === number);
  }
  async heldByAnotherCustomer(number: string) {
    return this.rows.some((r) => r.customer === 'other' && r.number === number && r.state !== 'retired');
  }
  async create(number: string) {
    if (this.takenByRace.delete(number)) {
      this.add(number, 'other');
      return 'taken' as const;
    }
    this.add(number, 'me', ACCOUNT);
    return 'created' as const;
  }
  async attach(didId: string) {
    const row = this.rows.find((r) => r.id === didId && r.carrierAccountId === null);
    if (!row) return false;
    row.carrierAccountId = ACCOUNT;
    return true;
  }
}

describe('syncOwnedNumbers (sync-dids registering logic)', () => {
  it("creates new numbers, attaches own DIDs of no account, leaves the account's own alone", async () => {
    const registry = new MemoryRegistry();
    registry.add('+14155550101', 'me', null);
    registry.add('+14155550102', 'me', ACCOUNT);
    const report = await syncOwnedNumbers(
      inventory(['+14155550100', '+14155550101', '+14155550102']),
      registry,
      ACCOUNT,
    );
    expect(report).toEqual({ created: 1, attached: 1, unchanged: 1, refused: [] });
    expect(
      registry.rows.filter((r) => r.customer === 'me').map((r) => [r.number, r.carrierAccountId]),
    ).toEqual([
      ['+14155550101', ACCOUNT],
      ['+14155550102', ACCOUNT],
      ['+14155550100', ACCOUNT],
    ]);
  });

  it("reports another customer's number and never takes it", async () => {
    const registry = new MemoryRegistry();
    registry.add('+14155550103', 'other');
    const report = await syncOwnedNumbers(inventory(['+14155550103']), registry, ACCOUNT);
    expect(report).toEqual({
      created: 0,
      attached: 0,
      unchanged: 0,
      refused: [{ number: '+14155550103', reason: RefusalReasons.heldElsewhere }],
    });
    expect(registry.rows).toHaveLength(1);
  });

  it("reports numbers on another of the customer's accounts, retired ones, and non-numbers", async () => {
    const registry = new MemoryRegistry();
    registry.add('+14155550104', 'me', OTHER_ACCOUNT);
    registry.add('+14155550105', 'me', null, 'retired');
    registry.add('+14155550106', 'me', null, 'retired');
    registry.add('+14155550106', 'other');
    const report = await syncOwnedNumbers(
      inventory(['+14155550104', '+14155550105', '+14155550106', 'sip:alice@example.com']),
      registry,
      ACCOUNT,
    );
    expect(report.refused).toEqual([
      { number: '+14155550104', reason: RefusalReasons.otherAccount(OTHER_ACCOUNT) },
      { number: '+14155550105', reason: RefusalReasons.retired },
      { number: '+14155550106', reason: RefusalReasons.heldElsewhere },
      { number: 'sip:alice@example.com', reason: RefusalReasons.notANumber },
    ]);
    expect(report.created + report.attached + report.unchanged).toBe(0);
  });

  it('normalises to E.164 and counts a number listed twice once', async () => {
    const registry = new MemoryRegistry();
    const report = await syncOwnedNumbers(
      inventory(['+1 (415) 555-0107', '+14155550107']),
      registry,
      ACCOUNT,
    );
    expect(report).toMatchObject({ created: 1, unchanged: 0 });
    expect(registry.rows.map((r) => r.number)).toEqual(['+14155550107']);
  });

  it('reports a number another customer took while the sync created it', async () => {
    const registry = new MemoryRegistry();
    registry.takenByRace.add('+14155550108');
    const report = await syncOwnedNumbers(inventory(['+14155550108']), registry, ACCOUNT);
    expect(report.refused).toEqual([{ number: '+14155550108', reason: RefusalReasons.heldElsewhere }]);
  });

  it("passes the carrier's error through (the service answers 502 with it)", async () => {
    const failing: NumberInventory = { listOwnedNumbers: () => Promise.reject(new Error('twilio said 401')) };
    await expect(syncOwnedNumbers(failing, new MemoryRegistry(), ACCOUNT)).rejects.toThrow('twilio said 401');
  });
});
