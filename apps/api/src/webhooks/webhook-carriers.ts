import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import type { EngineConfig } from '@engine/config';
import type { CarrierDirectory, CarrierHandle, WebhookInput } from '@engine/providers';
import { DEFAULT_CARRIER_ACCOUNT_ID, UnknownCarrierAccountError } from '@engine/providers';
import { isUuid } from '@engine/db';
import type { Redis } from '@engine/redis';
import { CarrierAccountUnusableError, publicApiUrl } from '@engine/activities';
import { apiError } from '../common/contract/error-body';
import { CARRIERS, ENGINE_CONFIG, REDIS } from '../infrastructure/tokens';

/** How long a webhook delivery id is remembered: longer than any carrier retries a webhook. */
const DELIVERY_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * The carrier side of a webhook route: which account's adapter verifies it (the route names the
 * account; the environment's account has the short route), the input as the carrier signed it
 * (its public URL included), and the replay guard.
 */
@Injectable()
export class WebhookCarriers {
  private readonly publicApiUrl: string;

  constructor(
    @Inject(CARRIERS) private readonly carriers: CarrierDirectory,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.publicApiUrl = publicApiUrl(config.env).replace(/\/+$/, '');
  }

  /**
   * The adapter of the route's account. 404 when the account does not exist or is at another
   * carrier than the route says: nothing on such a route can be verified.
   */
  async resolve(provider: string, accountId: string | null): Promise<CarrierHandle> {
    if (accountId !== null && !isUuid(accountId))
      throw new NotFoundException(`no carrier account ${accountId}`);
    let handle: CarrierHandle;
    try {
      handle = await this.carriers.forAccount(accountId);
    } catch (err) {
      if (err instanceof UnknownCarrierAccountError) throw new NotFoundException(err.message);
      // Stored credentials that no longer pass the carrier's schema (an older engine's): nothing
      // can be verified with them until the customer rotates them.
      if (err instanceof CarrierAccountUnusableError) {
        throw apiError(
          HttpStatus.CONFLICT,
          `${err.message}; rotate them with PATCH /api/carrier-accounts/{id}`,
          {
            code: 'carrier_account_unusable',
          },
        );
      }
      throw err;
    }
    if (handle.carrier.name !== provider) {
      throw new NotFoundException(
        accountId === null
          ? `the configured carrier is ${handle.carrier.name}, not ${provider} (CARRIER_PROVIDER)`
          : `carrier account ${accountId} is not a ${provider} account`,
      );
    }
    return handle;
  }

  /** The account id attempts and messages store: null for the environment's account. */
  storedAccountId(handle: CarrierHandle): string | null {
    return handle.account.id === DEFAULT_CARRIER_ACCOUNT_ID ? null : handle.account.id;
  }

  /** The request as the carrier signed it: raw body, headers, and the public URL it called. */
  input(req: Request & { rawBody?: Buffer }): WebhookInput {
    return {
      headers: req.headers,
      rawBody: req.rawBody ?? Buffer.alloc(0),
      url: `${this.publicApiUrl}${req.originalUrl}`,
      method: req.method,
    };
  }

  /**
   * Claims a delivery id: false when it was seen before (a replay, or a carrier's retry of a
   * webhook already applied). Carriers without one (the simulator) are guarded by their
   * signature's timestamp instead.
   */
  async claimDelivery(handle: CarrierHandle, deliveryId: string | undefined): Promise<boolean> {
    if (!deliveryId) return true;
    const set = await this.redis.set(
      this.deliveryKey(handle, deliveryId),
      '1',
      'EX',
      DELIVERY_MEMORY_SECONDS,
      'NX',
    );
    return set === 'OK';
  }

  /** Forgets a claimed delivery whose handling failed, so that the carrier's retry is applied. */
  async releaseDelivery(handle: CarrierHandle, deliveryId: string | undefined): Promise<void> {
    if (deliveryId) await this.redis.del(this.deliveryKey(handle, deliveryId));
  }

  private deliveryKey(handle: CarrierHandle, deliveryId: string): string {
    return `webhook-delivery:${handle.carrier.name}:${handle.account.id}:${deliveryId}`;
  }
}
