import type { Generated, Insertable, Selectable } from 'kysely';

/** API keys are stored as SHA-256 hashes; the plaintext is shown once, at creation. */
export interface ApiKeysTable {
  id: Generated<string>;
  customer_id: string;
  name: Generated<string>;
  key_prefix: string;
  key_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
