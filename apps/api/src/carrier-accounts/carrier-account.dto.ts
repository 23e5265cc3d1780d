import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CarrierProvider } from '@engine/providers';
import { carrierCredentialsSchemas, CarrierProviders } from '@engine/providers';
import { pageQuery, storedText } from '../common/contract/fields';
import { createUnionDto } from '../common/contract/union-dto';

/**
 * An http(s) URL. `z.url` checks it parses; the pattern (which the document shows) says the scheme
 * and that it is plain ASCII (an RFC 3986 URI: `z.url` alone would take an IRI such as
 * `https://Ï`), so a client reading the schema never sends a URL the API would refuse.
 */
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .regex(/^https?:\/\/[!-~]+$/i, 'must be an http or https URL (ASCII; percent-encode the rest)')
  .meta({ format: 'uri' });

const name = storedText(200, { nonBlank: true }).meta({
  example: 'Twilio production',
  description: 'stored trimmed',
});

const cpsLimit = z.number().positive().max(1000).meta({
  description:
    'calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100',
});

const apiBaseUrl = httpUrl.meta({
  description: "the carrier's API base URL (regional endpoint, proxy); its public one when absent",
  example: 'https://api.dublin.ie1.twilio.com',
});

const CREDENTIAL_NOTES: Record<CarrierProvider, string> = {
  twilio: 'Twilio: the account SID and its auth token (which also signs webhooks)',
  telnyx:
    'Telnyx: API key, webhook public key (base64 ed25519), Call Control connection id, optional messaging profile id',
  plivo: 'Plivo: auth id and auth token (which also signs webhooks)',
  sim: 'simulator: no credentials; an optional webhook secret (default WEBHOOK_SECRET)',
};

/** One provider's credentials as a request takes them: its lib schema, unknown fields refused. */
function credentialsOf<P extends CarrierProvider>(provider: P) {
  return carrierCredentialsSchemas[provider].strict().meta({
    description: `${CREDENTIAL_NOTES[provider]}. Encrypted at rest, never returned`,
  });
}

const unknownProvider = {
  error: (issue: { code?: string }) =>
    issue.code === 'invalid_union' ? `must be one of ${CarrierProviders.join(', ')}` : undefined,
};

/** The create body of one provider: its literal `provider` selects its credential fields. */
function createBranch<P extends CarrierProvider>(provider: P) {
  return z
    .object({
      provider: z.literal(provider),
      name,
      credentials: credentialsOf(provider),
      cps_limit: cpsLimit.optional(),
      api_base_url: apiBaseUrl.optional(),
    })
    .strict();
}

const CreateCarrierAccountSchema = z.discriminatedUnion(
  'provider',
  [createBranch('twilio'), createBranch('telnyx'), createBranch('plivo'), createBranch('sim')],
  unknownProvider,
);
export type CreateCarrierAccount = z.output<typeof CreateCarrierAccountSchema>;
export class CreateCarrierAccountDto extends createUnionDto(CreateCarrierAccountSchema) {}

/**
 * The change body of one provider. `provider` must be the account's (it cannot change; another is
 * a 409): it is what tells which credential fields apply, so the document can say them.
 */
function updateBranch<P extends CarrierProvider>(provider: P) {
  return z
    .object({
      provider: z.literal(provider).meta({ description: "the account's provider (it cannot change)" }),
      name: name.optional(),
      credentials: credentialsOf(provider)
        .optional()
        .meta({ description: "the account's new credentials, whole (they replace the stored ones)" }),
      cps_limit: cpsLimit.optional(),
      api_base_url: apiBaseUrl
        .nullable()
        .optional()
        .meta({ description: "the carrier's API base URL; null: back to its public one" }),
    })
    .strict();
}

/** Rename, rotate credentials (replaced whole), change the rate or base URL. */
const UpdateCarrierAccountSchema = z.discriminatedUnion(
  'provider',
  [updateBranch('twilio'), updateBranch('telnyx'), updateBranch('plivo'), updateBranch('sim')],
  unknownProvider,
);
export type UpdateCarrierAccount = z.output<typeof UpdateCarrierAccountSchema>;
export class UpdateCarrierAccountDto extends createUnionDto(UpdateCarrierAccountSchema) {}

export class ListCarrierAccountsQuery extends createZodDto(z.object({ ...pageQuery }).strict()) {}

/** An account as the API shows it: never a credential value, only the fields' names. */
export class CarrierAccountView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CarrierProviders }) provider!: CarrierProvider;
  @ApiProperty() name!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the account's public identifier: Twilio account SID, Plivo auth id (none for Telnyx, sim)",
  })
  accountRef!: string | null;
  @ApiProperty({ type: Number, description: 'calls per second the carrier allows the account' })
  cpsLimit!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uri' }) apiBaseUrl!: string | null;
  @ApiProperty({
    type: [String],
    description: 'names of the stored credential fields (values are never shown)',
  })
  credentialFields!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CarrierAccountPage {
  @ApiProperty({ type: [CarrierAccountView], description: 'oldest first' }) items!: CarrierAccountView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export class RefusedNumberView {
  @ApiProperty() number!: string;
  @ApiProperty({ description: 'why it was not registered (e.g. held by another customer)' }) reason!: string;
}

export class SyncDidsResult {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'numbers added to the DID pool on this account' })
  created!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'DIDs of the pool (of no account before) now on this account',
  })
  attached!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'DIDs already on this account' })
  unchanged!: number;
  @ApiProperty({ type: [RefusedNumberView] }) refused!: RefusedNumberView[];
}
