import type { Executor } from '../database';
import type { Prospect, ProspectStatus } from '../tables/prospects.table';

export interface ProspectPageRequest {
  campaignId: string;
  status?: ProspectStatus;
  limit: number;
  /** Keyset position: prospects with a greater id than this. */
  afterId?: number;
}

/** A campaign's prospects in load order (id), keyset-paginated. */
export async function listProspectsPage(db: Executor, req: ProspectPageRequest): Promise<Prospect[]> {
  let query = db.selectFrom('prospects').selectAll().where('campaign_id', '=', req.campaignId);
  if (req.status) query = query.where('status', '=', req.status);
  if (req.afterId !== undefined) query = query.where('id', '>', req.afterId);
  return query.orderBy('id').limit(req.limit).execute();
}
