import { sql } from 'kysely';
import type { Executor } from '../database';
import type { Prospect } from '../tables/prospects.table';

/** The channel of a contact attempt: a call (`call_attempts`) or a text (`sms_messages`). */
export type ContactAttemptChannel = 'voice' | 'sms';

/** Keyset position in a campaign's contact attempts: `attemptKey` and id of the last row seen. */
export interface ContactAttemptPosition {
  /** The attempt's instant to the microsecond (ISO 8601, UTC), as {@link ContactAttemptRow.attemptKey}. */
  readonly attemptKey: string;
  readonly attemptId: string;
}

/** One contact attempt of a campaign, and the prospect it was made to. */
export interface ContactAttemptRow {
  readonly channel: ContactAttemptChannel;
  readonly attemptId: string;
  /** The number contacted (E.164). */
  readonly phone: string;
  /** When the carrier was asked: `originated_at` of a call, `sent_at` of a text. */
  readonly attemptedAt: Date;
  /**
   * `attemptedAt` to the microsecond (ISO 8601, UTC). A JS Date keeps milliseconds only: a cursor
   * built from it would skip attempts made in the same millisecond as a page's last one.
   */
  readonly attemptKey: string;
  /** The whole prospect row, so that a new location column reaches the report without a change here. */
  readonly prospect: Prospect;
}

const KEY_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

/**
 * A campaign's contact attempts, calls and texts as one list, in (instant, id) order after
 * `after`: calls that were sent to the carrier (`originated_at` set) and texts that were sent
 * (`sent_at` set). Each branch is ordered and limited on its own so that both walk their
 * (campaign_id, instant, id) index and stop after `limit` rows.
 */
export async function listContactAttempts(
  db: Executor,
  campaignId: string,
  limit: number,
  after?: ContactAttemptPosition,
): Promise<ContactAttemptRow[]> {
  const afterAt = after ? sql`(${after.attemptKey}::timestamptz, ${after.attemptId}::uuid)` : undefined;
  const calls = db
    .selectFrom('call_attempts as c')
    .select([
      sql<ContactAttemptChannel>`'voice'::text`.as('channel'),
      'c.id as attempt_id',
      'c.prospect_id',
      'c.to_number',
      sql<Date>`c.originated_at`.as('attempted_at'),
    ])
    .where('c.campaign_id', '=', campaignId)
    .where('c.originated_at', 'is not', null)
    .$if(afterAt !== undefined, (q) => q.where(sql<boolean>`(c.originated_at, c.id) > ${afterAt}`))
    .orderBy('c.originated_at')
    .orderBy('c.id')
    .limit(limit);
  const texts = db
    .selectFrom('sms_messages as m')
    .select([
      sql<ContactAttemptChannel>`'sms'::text`.as('channel'),
      'm.id as attempt_id',
      'm.prospect_id',
      'm.to_number',
      sql<Date>`m.sent_at`.as('attempted_at'),
    ])
    .where('m.campaign_id', '=', campaignId)
    .where('m.sent_at', 'is not', null)
    .$if(afterAt !== undefined, (q) => q.where(sql<boolean>`(m.sent_at, m.id) > ${afterAt}`))
    .orderBy('m.sent_at')
    .orderBy('m.id')
    .limit(limit);
  const rows = await db
    .selectFrom(
      db
        .selectFrom(calls.as('v'))
        .selectAll()
        .unionAll(db.selectFrom(texts.as('t')).selectAll())
        .as('a'),
    )
    .innerJoin('prospects as p', 'p.id', 'a.prospect_id')
    .selectAll('p')
    .select([
      'a.channel',
      'a.attempt_id',
      'a.to_number',
      'a.attempted_at',
      sql<string>`to_char(a.attempted_at at time zone 'UTC', ${sql.lit(KEY_FORMAT)})`.as('attempt_key'),
    ])
    .orderBy('a.attempted_at')
    .orderBy('a.attempt_id')
    .limit(limit)
    .execute();
  return rows.map(({ channel, attempt_id, to_number, attempted_at, attempt_key, ...prospect }) => ({
    channel,
    attemptId: attempt_id,
    phone: to_number,
    attemptedAt: attempted_at,
    attemptKey: attempt_key,
    prospect,
  }));
}

/** A change of a recipient's consent, as the compliance report reads it. */
export interface ConsentEvent {
  readonly phone: string;
  readonly at: Date;
  /**
   * `opt_out`: an opt-out text (STOP), or the suppression it left. `opt_in`: an opt-in text
   * (START). `suppressed`: an entry an operator added (manual, import, API), which a START does
   * not lift: it binds from its date on.
   */
  readonly kind: 'opt_out' | 'opt_in' | 'suppressed';
}

/**
 * The consent history of `phones` for one customer, oldest first, up to `until`: its opt-out and
 * opt-in texts and the suppression entries that exist now (an entry's history is not kept: a
 * lifted one is gone, the texts still say when it held). One query for a page of attempts.
 */
export async function consentHistory(
  db: Executor,
  customerId: string,
  phones: readonly string[],
  until: Date,
): Promise<ConsentEvent[]> {
  if (phones.length === 0) return [];
  const list = [...new Set(phones)];
  const texts = db
    .selectFrom('inbound_messages')
    .select(['from_number as phone', 'created_at as at', sql<ConsentEvent['kind']>`keyword`.as('kind')])
    .where('customer_id', '=', customerId)
    .where('from_number', '=', (eb) => eb.fn.any(eb.val(list)))
    .where('keyword', 'in', ['opt_out', 'opt_in'])
    .where('created_at', '<=', until);
  const entries = db
    .selectFrom('suppressions')
    .select([
      'phone',
      'created_at as at',
      sql<ConsentEvent['kind']>`case when source = 'opt_out' then 'opt_out' else 'suppressed' end`.as('kind'),
    ])
    .where('customer_id', '=', customerId)
    .where('phone', '=', (eb) => eb.fn.any(eb.val(list)))
    .where('created_at', '<=', until);
  return db.selectFrom(texts.unionAll(entries).as('e')).selectAll().orderBy('e.at').execute();
}
