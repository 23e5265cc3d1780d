import type { DidState } from '@engine/db';
import { parsePhoneNumber } from '@engine/domain';
import type { NumberInventory } from '@engine/providers';

/** A customer's DID as the sync sees it. */
export interface KnownDid {
  id: string;
  state: DidState;
  carrierAccountId: string | null;
}

/**
 * The DID pool operations sync-dids needs, for one customer and one carrier account. Each is
 * atomic on its own; the database decides races (a number taken meanwhile is `taken`).
 */
export interface DidRegistry {
  /** The customer's DID with this number, in any state. */
  findOwn(number: string): Promise<KnownDid | undefined>;
  /** Whether another customer holds the number (a DID of theirs not retired). */
  heldByAnotherCustomer(number: string): Promise<boolean>;
  /** Adds the number to the pool on the account; `taken` when someone got it first. */
  create(number: string, areaCode: string | null): Promise<'created' | 'taken'>;
  /** Puts the DID (of no account) on the account; false when it had one by then. */
  attach(didId: string): Promise<boolean>;
}

/** What sync-dids did with the carrier's numbers. */
export interface SyncDidsReport {
  created: number;
  attached: number;
  unchanged: number;
  refused: Array<{ number: string; reason: string }>;
}

/** Why a number was not registered; the other holder is never named (another tenant's data). */
export const RefusalReasons = {
  notANumber: 'not a phone number the engine can dial',
  heldElsewhere: 'held by another customer (a caller ID has one owner)',
  retired: 'retired in your DID pool: reinstate it, then sync again',
  otherAccount: (accountId: string) => `on another of your carrier accounts (${accountId})`,
  changing: 'changed by another request while syncing: sync again',
} as const;

type Outcome = 'created' | 'attached' | 'unchanged' | { reason: string };

/**
 * Registers every number the carrier account owns as a DID of the customer on that account: a
 * new number is added, the customer's DID of no account is attached, one already on the account
 * is left alone, and a number held by another customer is reported, never taken.
 */
export async function syncOwnedNumbers(
  inventory: NumberInventory,
  registry: DidRegistry,
  accountId: string,
): Promise<SyncDidsReport> {
  const report: SyncDidsReport = { created: 0, attached: 0, unchanged: 0, refused: [] };
  const seen = new Set<string>();
  for (const owned of await inventory.listOwnedNumbers()) {
    const parsed = parsePhoneNumber(owned);
    if (!parsed.ok) {
      report.refused.push({ number: owned, reason: RefusalReasons.notANumber });
      continue;
    }
    // Carriers may list a number twice (voice and messaging inventories); count it once.
    if (seen.has(parsed.e164)) continue;
    seen.add(parsed.e164);
    const outcome = await registerNumber(registry, accountId, parsed.e164, parsed.nanpAreaCode ?? null);
    if (typeof outcome === 'string') report[outcome] += 1;
    else report.refused.push({ number: parsed.e164, reason: outcome.reason });
  }
  return report;
}

async function registerNumber(
  registry: DidRegistry,
  accountId: string,
  number: string,
  areaCode: string | null,
): Promise<Outcome> {
  // A second look settles a race lost to a concurrent sync or POST /api/dids.
  for (let look = 0; look < 2; look++) {
    const own = await registry.findOwn(number);
    if (own) {
      if (own.state === 'retired') {
        return (await registry.heldByAnotherCustomer(number))
          ? { reason: RefusalReasons.heldElsewhere }
          : { reason: RefusalReasons.retired };
      }
      if (own.carrierAccountId === accountId) return 'unchanged';
      if (own.carrierAccountId !== null) return { reason: RefusalReasons.otherAccount(own.carrierAccountId) };
      if (await registry.attach(own.id)) return 'attached';
      continue;
    }
    if (await registry.heldByAnotherCustomer(number)) return { reason: RefusalReasons.heldElsewhere };
    if ((await registry.create(number, areaCode)) === 'created') return 'created';
  }
  return { reason: RefusalReasons.changing };
}
