import { ConflictException, HttpStatus, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { CarrierAccount, Database } from '@engine/db';
import {
  countHeldDidsOnCarrierAccount,
  findCarrierAccount,
  insertCarrierAccount,
  isUuid,
  listCarrierAccountsPage,
  softDeleteCarrierAccount,
  updateCarrierAccount,
} from '@engine/db';
import { CarrierAccountUnusableError, simulatorUrl, toCarrierAccountRecord } from '@engine/activities';
import type { Carrier, CarrierProvider } from '@engine/providers';
import { carrierAccountRefField, createCarrier } from '@engine/providers';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { apiError } from '../common/contract/error-body';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import type {
  CarrierAccountPage,
  CarrierAccountView,
  CreateCarrierAccount,
  ListCarrierAccountsQuery,
  SyncDidsResult,
  UpdateCarrierAccount,
} from './carrier-account.dto';
import { toCarrierAccountView } from './carrier-account-view';
import { carrierFailure } from './carrier-failure';
import { CarrierCredentialsKey } from './carrier-credentials-key';
import { databaseDidRegistry } from './did-registry';
import { syncOwnedNumbers } from './sync-owned-numbers';

/** Trims what the name schema counts as blank (space, tab, CR, LF), so a valid name never ends up empty. */
const trimBlanks = (text: string) => text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

const isAccountCursor = (v: unknown): v is { t: string; id: string } => {
  const c = v as { t?: unknown; id?: unknown } | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.t === 'string' &&
    !Number.isNaN(Date.parse(c.t)) &&
    typeof c.id === 'string' &&
    isUuid(c.id)
  );
};

/** Calls per second when the request gives none: each carrier's usual account default. */
export const DEFAULT_CPS_LIMITS: Record<CarrierProvider, number> = {
  twilio: 1,
  telnyx: 16,
  plivo: 2,
  sim: 100,
};

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

  async create(customerId: string, dto: CreateCarrierAccount): Promise<CarrierAccountView> {
    // Validated (and unknown fields refused) by the request schema of dto.provider.
    const credentials = dto.credentials as Record<string, string>;
    const cipher = this.key.cipher();
    const id = randomUUID();
    const refField = carrierAccountRefField[dto.provider];
    const row = await insertCarrierAccount(this.db, {
      id,
      customer_id: customerId,
      provider: dto.provider,
      name: trimBlanks(dto.name),
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

  /** Oldest first, keyset-paged on (creation time, id), which no change to an account moves. */
  async list(customerId: string, query: ListCarrierAccountsQuery): Promise<CarrierAccountPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, isAccountCursor);
    const rows = await listCarrierAccountsPage(this.db, {
      customerId,
      limit: limit + 1,
      ...(after && { after: { createdAt: new Date(after.t), id: after.id } }),
    });
    if (rows.length === 0) return { items: [], nextCursor: null };
    const cipher = this.key.cipher();
    return keysetPage(
      rows,
      limit,
      (r) => toCarrierAccountView(r, cipher),
      (last) => ({ t: last.created_at.toISOString(), id: last.id }),
    );
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
    dto: UpdateCarrierAccount,
  ): Promise<CarrierAccountView> {
    const current = await this.find(customerId, accountId);
    const provider = current.provider;
    if (dto.provider !== provider) {
      throw apiError(
        HttpStatus.CONFLICT,
        `provider: carrier account ${accountId} is a ${provider} account; its provider cannot change`,
        { field: 'provider', code: 'provider_mismatch' },
      );
    }
    const cipher = this.key.cipher();
    // Validated against the provider's schema by the request schema.
    const credentials = dto.credentials as Record<string, string> | undefined;
    const refField = carrierAccountRefField[provider];
    const row = await updateCarrierAccount(this.db, customerId, accountId, {
      ...(dto.name === undefined ? {} : { name: trimBlanks(dto.name) }),
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
          `carrier account ${accountId} still has ${held} DID(s); retire them first (POST /api/dids/{id}/retire)`,
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

  private carrierFailed(row: CarrierAccount, err: unknown): never {
    const message = err instanceof Error ? err.message : String(err);
    this.logger.warn(`carrier account ${row.id} (${row.provider}): listing owned numbers failed: ${message}`);
    throw carrierFailure(row, err);
  }

  private async find(customerId: string, accountId: string): Promise<CarrierAccount> {
    const row = await findCarrierAccount(this.db, customerId, accountId);
    if (!row) throw new NotFoundException(`carrier account ${accountId} not found`);
    return row;
  }
}
