import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
  /** At most this many contacts per number per rolling 24 hours; null: the default cap. */
  contact_cap_24h: number | null;
  /** At most this many contacts per number per rolling 7 days; null: the default cap. */
  contact_cap_7d: number | null;
  /** Pace of the customer's ad-hoc call queue; null: the default. */
  queue_calls_per_second: ColumnType<number | null, number | null | undefined, number | null>;
}

export type Customer = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
