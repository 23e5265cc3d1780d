import type { Generated, Insertable, Selectable } from 'kysely';

export const SuppressionSources = ['manual', 'import', 'opt_out', 'api'] as const;
export type SuppressionSource = (typeof SuppressionSources)[number];

/** Do-not-contact entries, per customer and E.164 phone. */
export interface SuppressionsTable {
  customer_id: string;
  phone: string;
  reason: string | null;
  source: Generated<SuppressionSource>;
  created_at: Generated<Date>;
}

export type Suppression = Selectable<SuppressionsTable>;
export type NewSuppression = Insertable<SuppressionsTable>;
