import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, Did, DidWithRecentCalls } from '@engine/db';
import { didsWithRecentCalls, findDid, insertDid, listDidsPage, reinstateDid, retireDid } from '@engine/db';
import type { HealthVerdict } from '@engine/domain';
import { assessDidHealth, DEFAULT_HEALTH_POLICY, isHealthVerdict, parsePhoneNumber } from '@engine/domain';
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

/** Verdicts that say a DID in rotation is confidently under the `ok` line. */
const AT_RISK_VERDICTS: ReadonlySet<HealthVerdict> = new Set(['warning', 'cooldown', 'burned']);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDidView(d: Did): DidView {
  return {
    id: d.id,
    number: d.number,
    areaCode: d.area_code,
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

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

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
    let did: Did;
    try {
      did = await insertDid(this.db, {
        customer_id: customerId,
        number: parsed.e164,
        area_code: parsed.nanpAreaCode ?? null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictException(
          `number ${parsed.e164} is already in the DID pool (reinstate it if it was retired)`,
        );
      }
      throw err;
    }
    await this.campaigns.notifyDidsChanged(customerId);
    return toDidView(did);
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
    const did = await reinstateDid(this.db, customerId, didId);
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
