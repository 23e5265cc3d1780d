import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The carriers an account can be at (the same list as `CarrierProviders` in `@engine/providers`). */
export const CarrierAccountProviders = ['sim', 'twilio', 'telnyx', 'plivo'] as const;
export type CarrierAccountProvider = (typeof CarrierAccountProviders)[number];

export interface CarrierAccountsTable {
  id: Generated<string>;
  customer_id: string;
  provider: CarrierAccountProvider;
  name: string;
  /** The credentials, encrypted (AES-256-GCM with `CARRIER_CREDENTIALS_KEY`); never returned by the API. */
  credentials_ciphertext: string;
  /** The account's public identifier (Twilio account SID, Plivo auth id), safe to show. */
  account_ref: string | null;
  /** Calls per second the carrier allows this account; all campaigns and workers share it. */
  cps_limit: number;
  api_base_url: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export type CarrierAccount = Selectable<CarrierAccountsTable>;
export type NewCarrierAccount = Insertable<CarrierAccountsTable>;
export type CarrierAccountUpdate = Updateable<CarrierAccountsTable>;
