import type { DidSelectionRequest } from '@engine/db';
import { usableDidAccounts } from '@engine/db';
import type { CarrierHandle } from '@engine/providers';
import { UnknownCarrierAccountError } from '@engine/providers';
import type { CampaignActivityDeps } from '../campaign-deps';
import type { DialBatch } from './dial-batch';

/** The carrier of a DID's account; `undefined` when the account is gone (deleted since). */
export async function carrierOf(
  deps: CampaignActivityDeps,
  accountId: string | null,
): Promise<CarrierHandle | undefined> {
  try {
    return await deps.carriers.forAccount(accountId);
  } catch (err) {
    if (err instanceof UnknownCarrierAccountError) return undefined;
    throw err;
  }
}

/**
 * How many calls the carrier accounts of the campaign's usable DIDs take right now, taking no
 * slot: a tick claims no more prospects than that (with none free it waits for the window to
 * move, instead of claiming prospects only to put them back). `wanted` when no limiter is set.
 */
export async function carrierRoom(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  selection: DidSelectionRequest,
  wanted: number,
): Promise<number> {
  const limiter = deps.carrierRate;
  if (!limiter || wanted <= 0) return wanted;
  const accounts = await usableDidAccounts(deps.db, selection);
  let free = 0;
  let retryAfterMs = Number.POSITIVE_INFINITY;
  for (const accountId of accounts) {
    const handle = await carrierOf(deps, accountId);
    if (!handle) continue;
    const slots = await limiter.free(handle.account.id, handle.account.cpsLimit);
    free += slots.free;
    if (slots.free === 0) retryAfterMs = Math.min(retryAfterMs, slots.retryAfterMs);
  }
  if (free === 0 && accounts.length > 0 && Number.isFinite(retryAfterMs)) {
    batch.result.channelWait = { retryAfterMs };
  }
  return accounts.length === 0 ? wanted : Math.min(wanted, free);
}

/**
 * Takes one call slot of the account's rate limit for a call about to be placed. Returns the wait
 * before trying again when the account has none free (another campaign or worker took it).
 */
export async function takeCarrierSlot(
  deps: CampaignActivityDeps,
  handle: CarrierHandle,
): Promise<{ taken: true } | { taken: false; retryAfterMs: number }> {
  if (!deps.carrierRate) return { taken: true };
  const slots = await deps.carrierRate.take(handle.account.id, handle.account.cpsLimit, 1);
  return slots.granted === 1 ? { taken: true } : { taken: false, retryAfterMs: slots.retryAfterMs };
}

/** A call the account's rate deferred, or a carrier's 429: the tick waits at least this long. */
export function deferForRate(batch: DialBatch, retryAfterMs: number): void {
  const wait = Math.max(50, retryAfterMs);
  const current = batch.result.channelWait?.retryAfterMs;
  batch.result.channelWait = { retryAfterMs: current === undefined ? wait : Math.min(current, wait) };
  batch.result.counts.rateLimited = (batch.result.counts.rateLimited ?? 0) + 1;
}
