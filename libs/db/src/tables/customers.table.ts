import type { Generated, Insertable, Selectable } from 'kysely';

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export type Customer = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
