import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * How a number held by several customers at once was resolved when single ownership became a
 * rule: the earliest registration kept it, this DID was retired. Written by the migration only.
 */
export interface DidOwnershipResolutionsTable {
  id: ColumnType<string, never, never>;
  number: string;
  kept_did_id: string;
  kept_customer_id: string;
  retired_did_id: string;
  retired_customer_id: string;
  resolved_at: Generated<Date>;
}

export type DidOwnershipResolution = Selectable<DidOwnershipResolutionsTable>;
