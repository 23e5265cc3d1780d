import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CarrierProvider } from '@engine/providers';
import { CarrierProviders } from '@engine/providers';

export class CreateCarrierAccountDto {
  @ApiProperty({ enum: CarrierProviders })
  @IsIn(CarrierProviders)
  provider!: CarrierProvider;

  @ApiProperty({ example: 'Twilio production', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      "the carrier's credentials, encrypted at rest and never returned. twilio: accountSid, authToken; " +
      'telnyx: apiKey, publicKey, connectionId, messagingProfileId (optional); plivo: authId, authToken; ' +
      'sim: webhookSecret (optional)',
    example: { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: '...' },
  })
  @IsObject()
  credentials!: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'calls per second the carrier allows the account; default twilio 1, telnyx 16, plivo 2, sim 100',
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1000,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1000)
  cps_limit?: number;

  @ApiPropertyOptional({
    description: "the carrier's API base URL (regional endpoint, proxy); its public one when absent",
    example: 'https://api.dublin.ie1.twilio.com',
  })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  api_base_url?: string;
}

/**
 * Changes to an account, e.g. rotating its credentials: the given credentials replace the stored
 * ones whole (validated like at creation); the provider cannot change.
 */
export class UpdateCarrierAccountDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "the account's new credentials, whole (same fields as at creation); never returned",
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 0, exclusiveMinimum: true, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1000)
  cps_limit?: number;

  @ApiPropertyOptional({ description: "the carrier's API base URL" })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  api_base_url?: string;
}

export class ListCarrierAccountsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

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
  @ApiProperty({ description: 'calls per second the carrier allows the account' }) cpsLimit!: number;
  @ApiProperty({ nullable: true, type: String }) apiBaseUrl!: string | null;
  @ApiProperty({
    type: [String],
    description: 'names of the stored credential fields (values are never shown)',
  })
  credentialFields!: string[];
  @ApiProperty() createdAt!: string;
}

export class CarrierAccountPage {
  @ApiProperty({ type: [CarrierAccountView] }) items!: CarrierAccountView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class RefusedNumberView {
  @ApiProperty() number!: string;
  @ApiProperty({ description: 'why it was not registered (e.g. held by another customer)' }) reason!: string;
}

export class SyncDidsResult {
  @ApiProperty({ description: 'numbers added to the DID pool on this account' }) created!: number;
  @ApiProperty({ description: 'DIDs of the pool (of no account before) now on this account' })
  attached!: number;
  @ApiProperty({ description: 'DIDs already on this account' }) unchanged!: number;
  @ApiProperty({ type: [RefusedNumberView] }) refused!: RefusedNumberView[];
}
