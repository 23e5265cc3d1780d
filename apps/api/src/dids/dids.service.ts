import { ConflictException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, Did, DidWithRecentCalls } from '@engine/db';
import {
  DID_NUMBER_OWNER_INDEX,
  didsWithRecentCalls,
  findCarrierAccount,
  findCustomerDidByNumber,
  findDid,
  insertDid,
  isNumberHeldByAnotherCustomer,
  isUniqueViolation,
  isUuid,
  listDidsPage,
  reinstateDid,
  retireDid,
} from '@engine/db';
import type { HealthVerdict } from '@engine/domain';
import { assessDidHealth, DEFAULT_HEALTH_POLICY, isHealthVerdict, parsePhoneNumber } from '@engine/domain';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { apiError } from '../common/contract/error-body';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { DB } from '../infrastructure/tokens';
import type {
  CreateDidDto,
  DidHealthList,
  DidHealthReport,
  DidHealthView,
  DidPage,
  DidView,
  ListDidsQuery,
} from './did.dto';

/** Verdicts that say a DID in rotation is confidently under the `ok` line. */
const AT_RISK_VERDICTS: ReadonlySet<HealthVerdict> = new Set(['warning', 'cooldown', 'burned']);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDidView(d: Did): DidView {
  return {
    id: d.id,
    number: d.number,
    areaCode: d.area_code,
    carrierAccountId: d.carrier_account_id,
    state: d.state,
    healthScore: Number(d.health_score),
    healthScoreUpper: Number(d.health_score_upper),
    healthScoreLower: Number(d.health_score_lower),
    // Only the engine writes verdicts; anything else would be a bug, shown as "no verdict".
    healthVerdict: isHealthVerdict(d.health_verdict) ? d.health_verdict : 'unrated',
    healthSampleSize: d.health_sample_size,
    lastCallAt: iso(d.last_call_at),
    lastSmsAt: iso(d.last_sms_at),
    cooldownUntil: iso(d.cooldown_until),
    suspendedAt: iso(d.suspended_at),
    suspendedReason: d.suspended_reason,
    scoreSince: iso(d.score_since),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
  };
}

/**
 * A DID's health as the engine judges it (`assessDidHealth` over the same two windows as the
 * outcome recorder), so the API never shows a verdict the engine would not reach.
 */
function healthOf({ did, recentCalls }: DidWithRecentCalls): DidHealthView {
  const { verdict, fresh, recent } = assessDidHealth(recentCalls, did.score_since, DEFAULT_HEALTH_POLICY);
  return {
    id: did.id,
    number: did.number,
    state: did.state,
    score: fresh.score,
    upperBound: fresh.upperBound,
    lowerBound: fresh.lowerBound,
    standardError: Number.isFinite(fresh.standardError) ? fresh.standardError : null,
    storedScore: Number(did.health_score),
    verdict,
    insufficientData: verdict === 'unrated',
    components: { ...fresh.components },
    callsInWindow: fresh.sampleSize,
    callsInRecentWindow: recent.sampleSize,
    lastCallAt: iso(did.last_call_at),
    cooldownUntil: iso(did.cooldown_until),
    scoreSince: iso(did.score_since),
  };
}

function isDidCursor(v: unknown): v is { n: string; id: string } {
  const c = v as { n?: unknown; id?: unknown } | null;
  return (
    typeof c === 'object' && c !== null && typeof c.n === 'string' && typeof c.id === 'string' && isUuid(c.id)
  );
}

/** Names the number and that someone else holds it, never who (that is another tenant's data). */
const heldElsewhere = (number: string) =>
  new ConflictException(`number ${number} is held by another customer; it can be added once they retire it`);

/** The customer's caller-ID pool and its health. */
@Injectable()
export class DidsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly campaigns: CampaignNotifier,
  ) {}

  async create(customerId: string, dto: CreateDidDto): Promise<DidView> {
    const parsed = parsePhoneNumber(dto.number);
    if (!parsed.ok) throw new ConflictException(parsed.reason); // unreachable: the DTO validated it
    const number = parsed.e164;
    // Checked first for a clear answer; the unique indexes decide a race between two requests.
    await this.refuseTakenNumber(customerId, number);
    const accountId = dto.carrier_account_id?.toLowerCase() ?? null;
    let did: Did;
    try {
      // The account row is held (FOR SHARE) until the DID is in: it cannot be deleted meanwhile.
      did = await this.db.transaction().execute(async (tx) => {
        if (accountId && !(await findCarrierAccount(tx, customerId, accountId, 'share'))) {
          throw apiError(HttpStatus.NOT_FOUND, `carrier_account_id: carrier account ${accountId} not found`, {
            field: 'carrier_account_id',
          });
        }
        return insertDid(tx, {
          customer_id: customerId,
          number,
          area_code: parsed.nanpAreaCode ?? null,
          carrier_account_id: accountId,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) await this.refuseTakenNumber(customerId, number, err);
      throw err;
    }
    await this.campaigns.didsChanged(customerId);
    return toDidView(did);
  }

  /**
   * 409 when the customer already has the number, or another customer holds it. `cause`: the
   * unique violation an insert met; when neither check explains it any more (the other row was
   * retired meanwhile), it is still a conflict, not a server error.
   */
  private async refuseTakenNumber(customerId: string, number: string, cause?: unknown): Promise<void> {
    if (await findCustomerDidByNumber(this.db, customerId, number)) {
      throw new ConflictException(
        `number ${number} is already in the DID pool (reinstate it if it was retired)`,
      );
    }
    if (await isNumberHeldByAnotherCustomer(this.db, customerId, number)) throw heldElsewhere(number);
    if (cause !== undefined) throw heldElsewhere(number);
  }

  async list(customerId: string, query: ListDidsQuery): Promise<DidPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, isDidCursor);
    const rows = await listDidsPage(this.db, {
      customerId,
      state: query.state,
      limit: limit + 1,
      ...(after && { after: { number: after.n, id: after.id } }),
    });
    return keysetPage(rows, limit, toDidView, (last) => ({ n: last.number, id: last.id }));
  }

  async get(customerId: string, didId: string): Promise<DidView> {
    return toDidView(await this.find(customerId, didId));
  }

  async retire(customerId: string, didId: string): Promise<DidView> {
    const did = await retireDid(this.db, customerId, didId);
    if (!did) throw new NotFoundException(`DID ${didId} not found`);
    return toDidView(did);
  }

  async reinstate(customerId: string, didId: string): Promise<DidView> {
    const current = await this.find(customerId, didId);
    if (
      current.state === 'retired' &&
      (await isNumberHeldByAnotherCustomer(this.db, customerId, current.number))
    ) {
      throw heldElsewhere(current.number);
    }
    let did: Did | undefined;
    try {
      did = await reinstateDid(this.db, customerId, didId);
    } catch (err) {
      // Another customer took the number between the check and the update.
      if (isUniqueViolation(err, DID_NUMBER_OWNER_INDEX)) throw heldElsewhere(current.number);
      throw err;
    }
    if (!did) {
      throw new ConflictException(`DID is ${current.state}; only burned or retired DIDs can be reinstated`);
    }
    await this.campaigns.didsChanged(customerId);
    return toDidView(did);
  }

  async health(customerId: string): Promise<DidHealthList> {
    return { items: await this.healthViews(customerId) };
  }

  async report(customerId: string): Promise<DidHealthReport> {
    const views = await this.healthViews(customerId);
    const byState: Record<string, number> = {};
    const byVerdict: Record<string, number> = {};
    for (const v of views) {
      byState[v.state] = (byState[v.state] ?? 0) + 1;
      byVerdict[v.verdict] = (byVerdict[v.verdict] ?? 0) + 1;
    }
    const active = views.filter((v) => v.state === 'active');
    const averageScore =
      active.length === 0 ? 0 : active.reduce((sum, v) => sum + v.score, 0) / active.length;
    // A DID is at risk when it is cooling or confidently under the ok line; an unrated one (too
    // few calls) is not, whatever its early score says.
    const atRisk = views
      .filter(
        (v) =>
          v.state === 'cooling' ||
          ((v.state === 'active' || v.state === 'warming') && AT_RISK_VERDICTS.has(v.verdict)),
      )
      .sort((a, b) => a.score - b.score);
    return {
      total: views.length,
      byState,
      byVerdict,
      averageScore: Math.round(averageScore * 10_000) / 10_000,
      atRisk,
      generatedAt: new Date().toISOString(),
    };
  }

  private async find(customerId: string, didId: string): Promise<Did> {
    const did = await findDid(this.db, customerId, didId);
    if (!did) throw new NotFoundException(`DID ${didId} not found`);
    return did;
  }

  private async healthViews(customerId: string): Promise<DidHealthView[]> {
    const dids = await didsWithRecentCalls(this.db, customerId, DEFAULT_HEALTH_POLICY.windowSize);
    return dids.map(healthOf);
  }
}
