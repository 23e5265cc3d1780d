/**
 * Requests the Temporal server's frontend handled, by gRPC operation, from its Prometheus endpoint
 * (`service_requests{service_name="frontend"}`; the history service reports the same calls again):
 * what a history does not show, such as activity heartbeats and queries.
 */
export async function serviceRequestsByOperation(metricsUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('service_requests{') || !line.includes('service_name="frontend"')) continue;
    const operation = /operation="([^"]+)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!operation || !Number.isFinite(value)) continue;
    out[operation] = (out[operation] ?? 0) + value;
  }
  return out;
}

/** `after - before` per operation, zeros left out. */
export function diffCounts(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}
