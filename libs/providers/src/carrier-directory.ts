import type { Carrier, CarrierAccountRecord } from './carrier';
import type { CreateCarrierOptions } from './create-carrier';
import { createCarrier } from './create-carrier';
import { UnknownCarrierAccountError } from './errors/unknown-carrier-account-error';

/** The id of the account configured from the environment (DIDs with no account use it). */
export const DEFAULT_CARRIER_ACCOUNT_ID = 'default';

/** One account's adapter with the account it was built from. */
export interface CarrierHandle {
  account: CarrierAccountRecord;
  carrier: Carrier;
}

/** Options of {@link CarrierDirectory}. */
export interface CarrierDirectoryOptions {
  /** Reads (and decrypts) a stored account; `undefined` when there is none. */
  loadAccount: (accountId: string) => Promise<CarrierAccountRecord | undefined>;
  /** The account configured from the environment. */
  defaultAccount: CarrierAccountRecord;
  createOptions: CreateCarrierOptions;
  /** Builds an adapter; default {@link createCarrier}. Tests substitute their own. */
  create?: (account: CarrierAccountRecord, options: CreateCarrierOptions) => Carrier;
  /**
   * How long a loaded account is reused before it is read again (changed credentials, a deleted
   * account). Default 30 s.
   */
  ttlMs?: number;
}

interface CachedHandle {
  handle: Promise<CarrierHandle>;
  loadedAt: number;
}

/**
 * Finds the adapter of a carrier account, building each once and reusing it: an SDK client keeps
 * its connections, so a campaign's hundreds of calls a minute do not each decrypt credentials and
 * open a socket. One directory per process (worker, API).
 */
export class CarrierDirectory {
  private readonly cache = new Map<string, CachedHandle>();
  private readonly defaultHandle: CarrierHandle;
  private readonly ttlMs: number;
  private readonly create: (account: CarrierAccountRecord, options: CreateCarrierOptions) => Carrier;

  constructor(private readonly options: CarrierDirectoryOptions) {
    this.create = options.create ?? createCarrier;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.defaultHandle = {
      account: options.defaultAccount,
      carrier: this.create(options.defaultAccount, options.createOptions),
    };
  }

  /** The environment's account. */
  get default(): CarrierHandle {
    return this.defaultHandle;
  }

  /**
   * The adapter of `accountId`; `null` (a DID of no account) and `default` are the environment's.
   *
   * @throws UnknownCarrierAccountError when no such account is stored.
   */
  async forAccount(accountId: string | null): Promise<CarrierHandle> {
    if (accountId === null || accountId === DEFAULT_CARRIER_ACCOUNT_ID) return this.defaultHandle;
    const cached = this.cache.get(accountId);
    if (cached && Date.now() - cached.loadedAt < this.ttlMs) return cached.handle;
    const handle = this.load(accountId);
    this.cache.set(accountId, { handle, loadedAt: Date.now() });
    // A failed load is not cached: the next call tries again.
    handle.catch(() => this.cache.delete(accountId));
    return handle;
  }

  /** Forgets a cached account (after its credentials changed or it was deleted). */
  invalidate(accountId: string): void {
    this.cache.delete(accountId);
  }

  private async load(accountId: string): Promise<CarrierHandle> {
    const account = await this.options.loadAccount(accountId);
    if (!account) throw new UnknownCarrierAccountError(accountId);
    return { account, carrier: this.create(account, this.options.createOptions) };
  }
}
