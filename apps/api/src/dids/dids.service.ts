import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, Did, DidHealthEvent } from '@engine/db';
import {
  DID_NUMBER_OWNER_INDEX,
  didHealthWindows,
  findCustomerDidByNumber,
  findDid,
  insertDid,
  isNumberHeldByAnotherCustomer,
  isUniqueViolation,
  listCustomerDids,
  listDidsPage,
  reinstateDid,
  retireDid,
} from '@engine/db';
import type { ScoredCall } from '@engine/domain';
import { computeHealthScore, healthVerdict, isCallOutcome, parsePhoneNumber } from '@engine/domain';
import { CampaignsService } from '../campaigns/campaigns.service';
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

const AT_RISK_SCORE = 0.8;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDidView(d: Did): DidView {
  return {
    id: d.id,
    number: d.number,
    areaCode: d.area_code,
    state: d.state,
    healthScore: Number(d.health_score),
    healthVerdict: d.health_verdict,
    healthSampleSize: d.health_sample_size,
    lastCallAt: iso(d.last_call_at),
    lastSmsAt: iso(d.last_sms_at),
    cooldownUntil: iso(d.cooldown_until),
    scoreSince: iso(d.score_since),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
  };
}

function healthOf(did: Did, window: readonly DidHealthEvent[]): DidHealthView {
  const calls: ScoredCall[] = window
    .filter((e) => isCallOutcome(e.outcome))
    .map((e) => ({
      outcome: e.outcome as ScoredCall['outcome'],
      durationSeconds: e.duration_seconds,
      spamFlagged: e.spam_flagged,
    }));
  const health = computeHealthScore(calls);
  const verdict = healthVerdict(health.score, health.sampleSize);
  return {
    id: did.id,
    number: did.number,
    state: did.state,
    score: health.score,
    storedScore: Number(did.health_score),
    verdict: verdict.verdict,
    insufficientData: verdict.insufficientData,
    components: { ...health.components },
    callsInWindow: health.sampleSize,
    lastCallAt: iso(did.last_call_at),
    cooldownUntil: iso(did.cooldown_until),
    scoreSince: iso(did.score_since),
  };
}

/** Names the number and that someone else holds it, never who (that is another tenant's data). */
const heldElsewhere = (number: string) =>
  new ConflictException(`number ${number} is held by another customer; it can be added once they retire it`);

/** The customer's caller-ID pool and its health. */
@Injectable()
export class DidsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly campaigns: CampaignsService,
  ) {}

  async create(customerId: string, dto: CreateDidDto): Promise<DidView> {
    const parsed = parsePhoneNumber(dto.number);
    if (!parsed.ok) throw new ConflictException(parsed.reason); // unreachable: the DTO validated it
    const number = parsed.e164;
    // Checked first for a clear answer; the unique indexes decide a race between two requests.
    await this.refuseTakenNumber(customerId, number);
    let did: Did;
    try {
      did = await insertDid(this.db, {
        customer_id: customerId,
        number,
        area_code: parsed.nanpAreaCode ?? null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) await this.refuseTakenNumber(customerId, number, err);
      throw err;
    }
    await this.campaigns.notifyDidsChanged(customerId);
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
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const rows = await listDidsPage(this.db, { customerId, state: query.state, limit, offset });
    return { items: rows.map(toDidView), limit, offset };
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
    await this.campaigns.notifyDidsChanged(customerId);
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
    const atRisk = views
      .filter(
        (v) =>
          v.state === 'cooling' ||
          ((v.state === 'active' || v.state === 'warming') && v.score < AT_RISK_SCORE),
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
    const [dids, windows] = await Promise.all([
      listCustomerDids(this.db, customerId),
      didHealthWindows(this.db, customerId),
    ]);
    return dids.map((d) => healthOf(d, windows.get(d.id) ?? []));
  }
}
