import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { CarrierAccount, Database } from '@engine/db';
import {
  countHeldDidsOnCarrierAccount,
  findCarrierAccount,
  insertCarrierAccount,
  listCarrierAccountsPage,
  softDeleteCarrierAccount,
  updateCarrierAccount,
} from '@engine/db';
import { CarrierAccountUnusableError, simulatorUrl, toCarrierAccountRecord } from '@engine/activities';
import type { Carrier, CarrierProvider } from '@engine/providers';
import {
  carrierAccountRefField,
  carrierCredentialsSchemas,
  createCarrier,
  ProviderRequestError,
} from '@engine/providers';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import type {
  CarrierAccountPage,
  CarrierAccountView,
  CreateCarrierAccountDto,
  ListCarrierAccountsQuery,
  SyncDidsResult,
  UpdateCarrierAccountDto,
} from './carrier-account.dto';
import { toCarrierAccountView } from './carrier-account-view';
import { CarrierCredentialsKey } from './carrier-credentials-key';
import { databaseDidRegistry } from './did-registry';
import { syncOwnedNumbers } from './sync-owned-numbers';

/** Calls per second when the request gives none: each carrier's usual account default. */
export const DEFAULT_CPS_LIMITS: Record<CarrierProvider, number> = {
  twilio: 1,
  telnyx: 16,
  plivo: 2,
  sim: 100,
};

/**
 * Credentials checked against the provider's schema, unknown fields refused (a typo must not be
 * stored silently). The 400 names the field, never its value.
 */
function validCredentials(
  provider: CarrierProvider,
  credentials: Record<string, unknown>,
): Record<string, string> {
  const parsed = carrierCredentialsSchemas[provider].strict().safeParse(credentials);
  if (!parsed.success) {
    throw new BadRequestException(
      parsed.error.issues.map((i) =>
        i.code === 'unrecognized_keys'
          ? `credentials: unknown field(s) ${i.keys.join(', ')} for ${provider}`
          : `credentials.${i.path.join('.')}: ${i.code === 'invalid_type' ? 'must be a string' : i.message}`,
      ),
    );
  }
  return parsed.data as Record<string, string>;
}

/** A customer's carrier accounts: credentials encrypted at rest, never shown again. */
@Injectable()
export class CarrierAccountsService {
  private readonly logger = new Logger('carrier-accounts');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly key: CarrierCredentialsKey,
    private readonly campaigns: CampaignNotifier,
  ) {}

  async create(customerId: string, dto: CreateCarrierAccountDto): Promise<CarrierAccountView> {
    const credentials = validCredentials(dto.provider, dto.credentials);
    const cipher = this.key.cipher();
    const id = randomUUID();
    const refField = carrierAccountRefField[dto.provider];
    const row = await insertCarrierAccount(this.db, {
      id,
      customer_id: customerId,
      provider: dto.provider,
      name: dto.name.trim(),
      credentials_ciphertext: cipher.encrypt(credentials, {
        accountId: id,
        customerId,
        provider: dto.provider,
      }),
      account_ref: refField ? (credentials[refField] ?? null) : null,
      cps_limit: dto.cps_limit ?? DEFAULT_CPS_LIMITS[dto.provider],
      api_base_url: dto.api_base_url ?? null,
    });
    this.logger.log(`carrier account ${row.id} (${row.provider}) created for customer ${customerId}`);
    return toCarrierAccountView(row, cipher);
  }

  async list(customerId: string, query: ListCarrierAccountsQuery): Promise<CarrierAccountPage> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const rows = await listCarrierAccountsPage(this.db, { customerId, limit, offset });
    const cipher = rows.length > 0 ? this.key.cipher() : undefined;
    return { items: cipher ? rows.map((r) => toCarrierAccountView(r, cipher)) : [], limit, offset };
  }

  async get(customerId: string, accountId: string): Promise<CarrierAccountView> {
    return toCarrierAccountView(await this.find(customerId, accountId), this.key.cipher());
  }

  /**
   * Renames the account, rotates its credentials (replaced whole, re-encrypted), or changes its
   * rate or base URL. Workers and the API pick the change up within their 30 s account cache.
   */
  async update(
    customerId: string,
    accountId: string,
    dto: UpdateCarrierAccountDto,
  ): Promise<CarrierAccountView> {
    const current = await this.find(customerId, accountId);
    const cipher = this.key.cipher();
    const provider = current.provider;
    const credentials =
      dto.credentials === undefined ? undefined : validCredentials(provider, dto.credentials);
    const refField = carrierAccountRefField[provider];
    const row = await updateCarrierAccount(this.db, customerId, accountId, {
      ...(dto.name === undefined ? {} : { name: dto.name.trim() }),
      ...(credentials === undefined
        ? {}
        : {
            credentials_ciphertext: cipher.encrypt(credentials, { accountId, customerId, provider }),
            account_ref: refField ? (credentials[refField] ?? null) : null,
          }),
      ...(dto.cps_limit === undefined ? {} : { cps_limit: dto.cps_limit }),
      ...(dto.api_base_url === undefined ? {} : { api_base_url: dto.api_base_url }),
    });
    if (!row) throw new NotFoundException(`carrier account ${accountId} not found`);
    this.logger.log(
      `carrier account ${accountId} updated by customer ${customerId}` +
        (credentials === undefined ? '' : ' (credentials rotated)'),
    );
    return toCarrierAccountView(row, cipher);
  }

  /** Soft-deletes the account; 409 naming the count while DIDs (not retired) still dial through it. */
  async remove(customerId: string, accountId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      // FOR UPDATE waits for DIDs being put on it (FOR SHARE) and keeps new ones off until done.
      const account = await findCarrierAccount(tx, customerId, accountId, 'update');
      if (!account) throw new NotFoundException(`carrier account ${accountId} not found`);
      const held = await countHeldDidsOnCarrierAccount(tx, accountId);
      if (held > 0) {
        throw new ConflictException(
          `carrier account ${accountId} still has ${held} DID(s); retire them first (POST /api/dids/:id/retire)`,
        );
      }
      await softDeleteCarrierAccount(tx, customerId, accountId);
    });
    this.logger.log(`carrier account ${accountId} deleted by customer ${customerId}`);
  }

  /** Registers the numbers the account owns at the carrier as the customer's DIDs on it. */
  async syncDids(customerId: string, accountId: string): Promise<SyncDidsResult> {
    const row = await this.find(customerId, accountId);
    const record = this.recordOf(row);
    const carrier = this.carrierOf(row, () =>
      createCarrier(record, {
        simBaseUrl: simulatorUrl(this.config.env),
        simWebhookSecret: this.config.env.WEBHOOK_SECRET,
      }),
    );
    const inventory = {
      listOwnedNumbers: () =>
        carrier.listOwnedNumbers().catch((err: unknown) => this.carrierFailed(row, err)),
    };
    const report = await syncOwnedNumbers(
      inventory,
      databaseDidRegistry(this.db, customerId, accountId),
      accountId,
    );
    if (report.created > 0) await this.campaigns.didsChanged(customerId);
    return report;
  }

  private recordOf(row: CarrierAccount) {
    try {
      return toCarrierAccountRecord(row, this.key.cipher());
    } catch (err) {
      if (err instanceof CarrierAccountUnusableError) {
        throw new ConflictException(`${err.message}; create the account again with valid credentials`);
      }
      throw err;
    }
  }

  private carrierOf(row: CarrierAccount, build: () => Carrier): Carrier {
    try {
      return build();
    } catch (err) {
      return this.carrierFailed(row, err);
    }
  }

  /** A 502 with the carrier's message; a refusal of the credentials says so. */
  private carrierFailed(row: CarrierAccount, err: unknown): never {
    const message = err instanceof Error ? err.message : String(err);
    this.logger.warn(`carrier account ${row.id} (${row.provider}): listing owned numbers failed: ${message}`);
    if (err instanceof ProviderRequestError && err.reason === 'auth') {
      throw new BadGatewayException(
        `${row.provider} refused the credentials of carrier account ${row.id}` +
          `${err.carrierCode ? ` (error ${err.carrierCode})` : ''}: check them at the carrier (${message})`,
      );
    }
    throw new BadGatewayException(`${row.provider} could not list the account's numbers: ${message}`);
  }

  private async find(customerId: string, accountId: string): Promise<CarrierAccount> {
    const row = await findCarrierAccount(this.db, customerId, accountId);
    if (!row) throw new NotFoundException(`carrier account ${accountId} not found`);
    return row;
  }
}
