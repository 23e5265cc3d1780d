import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../database';
import type { ContactChannel, ContactLedgerEntry } from '../tables/contact-ledger.table';

const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;

/** One contact about to be handed to the carrier, with the caps that bind it. */
export interface ContactRequest {
  /** The call attempt id or SMS message id: reserving it again records nothing new. */
  attemptId: string;
  customerId: string;
  /** E.164. */
  phone: string;
  channel: ContactChannel;
  campaignId: string;
  /** When the contact is made (the worker's clock). */
  at: Date;
  /** Caps for this contact: the customer's, narrowed per prospect by its state's when known. */
  per24h: number;
  per7d: number;
}

/** Which rolling window refused a contact. */
export type ContactCapLimit = '24h' | '7d';

/** A contact may go ahead, or it must wait until `allowedAt`, the earliest instant the caps allow. */
export type ContactReservation =
  { reserved: true } | { reserved: false; allowedAt: Date; limit: ContactCapLimit };

/** A customer's own caps as stored; null: the default applies. */
export interface StoredContactCaps {
  per24h: number | null;
  per7d: number | null;
}

/**
 * The advisory lock of one number of one customer: a signed 64-bit hash of the pair. Taken in
 * ascending order by every reservation, so two batches sharing numbers never wait on each other
 * in a cycle (and a hash collision only serialises two numbers, it never deadlocks).
 */
function numberLock(customerId: string, phone: string): bigint {
  const digest = createHash('sha256').update(`contact-cap:${customerId}:${phone}`).digest();
  return digest.readBigInt64BE(0);
}

const keyOf = (r: { customerId: string; phone: string }) => `${r.customerId}|${r.phone}`;

/**
 * Reserves a place in the frequency caps for each contact, all or each refused on its own, in one
 * transaction: the numbers' advisory locks are held from before the ledger is read until the new
 * rows are committed, so concurrent reservations (any process, any campaign, any channel) for a
 * number are counted one after the other and the caps cannot be exceeded. An attempt already in
 * the ledger answers `reserved: true` and adds nothing (a retried tick). Within a batch, requests
 * for the same number are decided in the order given.
 *
 * A refusal names the window that binds longest: the contact is allowed once the k-th most recent
 * contact (k the cap) is a full window old, i.e. the windows are half-open, (at - 24 h, at].
 *
 * Given a transaction, the locks are held until that transaction ends: take no other advisory
 * locks in it first.
 */
export async function reserveContacts(
  db: Executor,
  requests: readonly ContactRequest[],
): Promise<ContactReservation[]> {
  if (requests.length === 0) return [];
  if (db.isTransaction) return reserveIn(db, requests);
  return db.transaction().execute((tx) => reserveIn(tx, requests));
}

async function reserveIn(tx: Executor, requests: readonly ContactRequest[]): Promise<ContactReservation[]> {
  const locks = [...new Set(requests.map((r) => numberLock(r.customerId, r.phone)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  // unnest yields the array in order: the locks are taken in ascending order, in one round trip.
  await sql`select pg_advisory_xact_lock(k) from unnest(${locks.map(String)}::bigint[]) as t(k)`.execute(tx);

  const { known, history } = await ledgerOf(tx, requests);
  const answers: ContactReservation[] = [];
  const fresh: ContactRequest[] = [];
  for (const request of requests) {
    if (known.has(request.attemptId)) {
      answers.push({ reserved: true });
      continue;
    }
    const contacts = history.get(keyOf(request)) ?? [];
    const answer = judge(contacts, request);
    answers.push(answer);
    if (answer.reserved) {
      known.add(request.attemptId);
      contacts.push(request.at.getTime());
      history.set(keyOf(request), contacts);
      fresh.push(request);
    }
  }
  if (fresh.length > 0) {
    await tx
      .insertInto('contact_ledger')
      .values(
        fresh.map((r) => ({
          attempt_id: r.attemptId,
          customer_id: r.customerId,
          phone: r.phone,
          channel: r.channel,
          campaign_id: r.campaignId,
          contacted_at: r.at,
        })),
      )
      .onConflict((oc) => oc.column('attempt_id').doNothing())
      .execute();
  }
  return answers;
}

/**
 * What the ledger holds for a batch, in one read (taken after the locks, so it sees every contact
 * committed by an earlier holder): which of its attempts are already recorded, and the contact
 * times (ms) of its numbers within the longest window before its earliest contact.
 */
async function ledgerOf(
  tx: Executor,
  requests: readonly ContactRequest[],
): Promise<{ known: Set<string>; history: Map<string, number[]> }> {
  const ids = [...new Set(requests.map((r) => r.attemptId))];
  const pairs = new Map(requests.map((r) => [keyOf(r), r]));
  const customers = [...pairs.values()].map((r) => r.customerId);
  const phones = [...pairs.values()].map((r) => r.phone);
  const since = new Date(Math.min(...requests.map((r) => r.at.getTime())) - WEEK_MS);
  const rows = await tx
    .selectFrom('contact_ledger')
    .select(['attempt_id', 'customer_id', 'phone', 'contacted_at'])
    .where((eb) =>
      eb.or([
        eb.and([
          sql<boolean>`(customer_id, phone) in (select * from unnest(${customers}::uuid[], ${phones}::text[]))`,
          eb('contacted_at', '>', since),
        ]),
        // An attempt reserved long ago (a retry weeks later) is still the same contact.
        eb('attempt_id', 'in', ids),
      ]),
    )
    .execute();
  const wanted = new Set(ids);
  const known = new Set<string>();
  const history = new Map<string, number[]>();
  for (const row of rows) {
    if (wanted.has(row.attempt_id)) known.add(row.attempt_id);
    const key = keyOf({ customerId: row.customer_id, phone: row.phone });
    if (!pairs.has(key)) continue;
    const list = history.get(key) ?? [];
    list.push(row.contacted_at.getTime());
    history.set(key, list);
  }
  return { known, history };
}

/** Whether one more contact at `request.at` keeps both windows within their caps. */
function judge(contacts: readonly number[], request: ContactRequest): ContactReservation {
  const at = request.at.getTime();
  const waits: Array<{ allowedAt: number; limit: ContactCapLimit }> = [];
  for (const [windowMs, cap, limit] of [
    [DAY_MS, request.per24h, '24h'],
    [WEEK_MS, request.per7d, '7d'],
  ] as const) {
    // Newest first; a contact stamped after `at` (another worker's clock) counts too.
    const inWindow = contacts.filter((t) => t > at - windowMs).sort((a, b) => b - a);
    if (inWindow.length >= cap) waits.push({ allowedAt: inWindow[cap - 1]! + windowMs, limit });
  }
  if (waits.length === 0) return { reserved: true };
  const binding = waits.reduce((a, b) => (b.allowedAt > a.allowedAt ? b : a));
  return { reserved: false, allowedAt: new Date(binding.allowedAt), limit: binding.limit };
}

/**
 * Takes contacts out of the ledger: attempts the carrier never got (refused before placing,
 * deferred by a rate limit, withheld at the last check), so they do not count against the caps.
 */
export async function releaseContacts(db: Executor, attemptIds: readonly string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db
    .deleteFrom('contact_ledger')
    .where('attempt_id', 'in', [...attemptIds])
    .execute();
}

/** {@link releaseContacts} for one attempt. */
export function releaseContact(db: Executor, attemptId: string): Promise<void> {
  return releaseContacts(db, [attemptId]);
}

/** One number's contacts since `since`, oldest first (tests, the compliance report). */
export async function contactsOf(
  db: Executor,
  customerId: string,
  phone: string,
  since: Date,
): Promise<ContactLedgerEntry[]> {
  return db
    .selectFrom('contact_ledger')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .where('contacted_at', '>=', since)
    .orderBy('contacted_at')
    .orderBy('attempt_id')
    .execute();
}

/** The customer's own caps (null: the default); undefined when there is no such customer. */
export async function getContactCaps(
  db: Executor,
  customerId: string,
): Promise<StoredContactCaps | undefined> {
  const row = await db
    .selectFrom('customers')
    .select(['contact_cap_24h', 'contact_cap_7d'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row && { per24h: row.contact_cap_24h, per7d: row.contact_cap_7d };
}

/** Sets the customer's own caps (null: back to the default). */
export async function setContactCaps(
  db: Executor,
  customerId: string,
  caps: StoredContactCaps,
): Promise<StoredContactCaps | undefined> {
  const row = await db
    .updateTable('customers')
    .set({ contact_cap_24h: caps.per24h, contact_cap_7d: caps.per7d })
    .where('id', '=', customerId)
    .returning(['contact_cap_24h', 'contact_cap_7d'])
    .executeTakeFirst();
  return row && { per24h: row.contact_cap_24h, per7d: row.contact_cap_7d };
}
