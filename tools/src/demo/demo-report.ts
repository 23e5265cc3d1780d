import Table from 'cli-table3';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import { countProspectsByStatus, didPoolOverview, TerminalProspectStatuses } from '@engine/db';

export interface StatusCounts {
  byStatus: Record<string, number>;
  terminal: number;
  total: number;
}

export async function statusCounts(db: Kysely<Database>, campaignId: string): Promise<StatusCounts> {
  const byStatus: Record<string, number> = await countProspectsByStatus(db, campaignId);
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const terminal = TerminalProspectStatuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  return { byStatus, terminal, total };
}

export function statusTable(counts: StatusCounts): string {
  const table = new Table({ head: ['prospect status', 'count'], colAligns: ['left', 'right'] });
  for (const [status, n] of Object.entries(counts.byStatus).sort((a, b) => b[1] - a[1]))
    table.push([status, String(n)]);
  table.push(['total', String(counts.total)]);
  return table.toString();
}

/**
 * The demo's DID table: lifetime calls, the stored score with its confidence bounds, the verdict
 * (`unrated` until a DID has 10 calls since its last cooldown) and the state.
 */
export async function didTable(db: Kysely<Database>, customerId: string, badNumber: string): Promise<string> {
  const rows = await didPoolOverview(db, customerId);
  const table = new Table({
    head: ['DID', 'calls', 'answered', 'spam', 'score', 'bounds (99 %)', 'n', 'verdict', 'state'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  });
  for (const r of rows) {
    table.push([
      r.number === badNumber ? `${r.number} (bad in sim)` : r.number,
      String(r.calls),
      String(r.answered),
      String(r.spam),
      Number(r.health_score).toFixed(3),
      `${r.health_score_lower.toFixed(2)}-${r.health_score_upper.toFixed(2)}`,
      String(r.health_sample_size),
      r.health_verdict,
      r.state,
    ]);
  }
  return table.toString();
}
