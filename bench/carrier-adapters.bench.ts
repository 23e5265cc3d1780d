/**
 * What a carrier adapter costs per call, on top of the HTTP exchange itself.
 *
 *   node -r @swc-node/register bench/carrier-adapters.bench.ts
 *
 * For each carrier (the simulator as the baseline, then the Twilio, Telnyx and Plivo fakes of
 * libs/testing), an adapter is built as a worker builds it (`createCarrier` with the fake's
 * credentials and base URL) and `originate` is called N times one after another (after a warm-up)
 * with a realistic request: per-attempt callback URL, signed answer and voicemail documents, AMD,
 * a plain plan with a voicemail drop. Interleaved with each, the request the adapter sent
 * (captured once through a recording proxy) is sent again as it was, with a fresh attempt id, by
 * a bare keep-alive `node:http` client: the raw exchange. The adapter's own cost (SDK, request
 * building, answer parsing and error mapping) is adapter − raw. The fakes run on a very slow clock
 * (nothing rings out during the run), so no webhook competes with the timing.
 *
 * Then `parseCallEvent` (signature verification + parsing) on a recorded final-status webhook of
 * each carrier, signed by its fake (a call that rang out unanswered, delivered to a local sink).
 *
 * Env: BENCH_ADAPTER_CALLS (500), BENCH_ADAPTER_WARMUP (50), BENCH_ADAPTER_PARSES (5000),
 * BENCH_ADAPTER_CARRIERS (sim,twilio,telnyx,plivo). About 30 s.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Carrier, CarrierProvider, WebhookInput } from '@engine/providers';
import { CarrierProviders, createCarrier } from '@engine/providers';
import { sleep } from './support/campaign-bench-stack';
import type { RunningServer } from './support/carrier-http';
import { RawClient, startRecordingProxy, startWebhookSink } from './support/carrier-http';
import type { CarrierTarget } from './support/carrier-targets';
import {
  BENCH_ACCOUNT_ID,
  benchOriginateRequest,
  SIM_WEBHOOK_SECRET,
  startTarget,
} from './support/carrier-targets';
import { armHardStop, percentile } from './support/services';

const CALLS = Number(process.env['BENCH_ADAPTER_CALLS'] ?? 500);
const WARMUP = Number(process.env['BENCH_ADAPTER_WARMUP'] ?? 50);
const PARSES = Number(process.env['BENCH_ADAPTER_PARSES'] ?? 5000);
const CARRIERS = (process.env['BENCH_ADAPTER_CARRIERS'] ?? 'sim,twilio,telnyx,plivo')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is CarrierProvider => (CarrierProviders as readonly string[]).includes(s));
const HARD_LIMIT_MS = 5 * 60_000;

interface Stats {
  p50: number;
  p99: number;
  mean: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
  };
}

function adapterFor(target: CarrierTarget, apiBaseUrl: string): Carrier {
  return createCarrier(
    { id: BENCH_ACCOUNT_ID, provider: target.provider, credentials: target.credentials, apiBaseUrl },
    { simBaseUrl: target.baseUrl, simWebhookSecret: SIM_WEBHOOK_SECRET },
  );
}

/** The adapter's originate vs the same request sent raw, interleaved, in ms. */
async function timeOriginate(
  provider: CarrierProvider,
  sink: RunningServer,
): Promise<{ adapter: Stats; raw: Stats }> {
  const target = await startTarget(provider, true);
  const origin = new URL(target.baseUrl).origin;
  const basePath = new URL(target.baseUrl).pathname.replace(/\/+$/, '');
  const proxy = await startRecordingProxy(origin);
  try {
    // The exact request the adapter sends, captured once through the proxy.
    const first = benchOriginateRequest(provider, sink.url, 0);
    await adapterFor(target, `${proxy.url}${basePath}`).originate(first);
    const captured = [...proxy.requests].reverse().find((r) => r.method === 'POST');
    if (!captured) throw new Error(`${provider}: the adapter sent no POST`);
    if (!captured.body.includes(first.attemptId))
      throw new Error(`${provider}: the captured body does not carry the attempt id`);
    const raw = new RawClient(origin, captured);
    const adapter = adapterFor(target, target.baseUrl);

    const adapterMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 1; i <= WARMUP + CALLS; i++) {
      const req = benchOriginateRequest(provider, sink.url, i);
      const rawBody = captured.body.split(first.attemptId).join(randomUUID());
      let t0 = performance.now();
      await adapter.originate(req);
      const a = performance.now() - t0;
      t0 = performance.now();
      const status = await raw.send(rawBody);
      const r = performance.now() - t0;
      if (status < 200 || status >= 300) throw new Error(`${provider}: the raw request answered ${status}`);
      if (i > WARMUP) {
        adapterMs.push(a);
        rawMs.push(r);
      }
    }
    raw.close();
    return { adapter: stats(adapterMs), raw: stats(rawMs) };
  } finally {
    await proxy.close();
    await target.close();
  }
}

/** A final-status webhook the carrier signed, and `parseCallEvent` timed on it, in µs. */
async function timeParse(provider: CarrierProvider, sink: RunningServer): Promise<Stats> {
  const target = await startTarget(provider, false);
  try {
    const adapter = adapterFor(target, target.baseUrl);
    const req = benchOriginateRequest(provider, sink.url, 999_999);
    await adapter.originate(req);
    let input: WebhookInput | undefined;
    for (let waited = 0; !input && waited < 15_000; waited += 50) {
      for (const r of [...sink.requests].reverse()) {
        if (!r.url.includes(req.attemptId) && !r.body.includes(req.attemptId)) continue;
        const candidate: WebhookInput = { headers: r.headers, rawBody: r.body, url: r.url, method: r.method };
        try {
          if (adapter.parseCallEvent(candidate).kind === 'completed') input = candidate;
        } catch {
          // Not this carrier's call-status webhook (a document fetch, an AMD callback...).
        }
        if (input) break;
      }
      if (!input) await sleep(50);
    }
    if (!input) throw new Error(`${provider}: no final-status webhook reached the sink within 15 s`);
    const us: number[] = [];
    for (let i = 0; i < 500 + PARSES; i++) {
      const t0 = performance.now();
      adapter.parseCallEvent({ ...input, now: new Date() });
      if (i >= 500) us.push((performance.now() - t0) * 1000);
    }
    return stats(us);
  } finally {
    await target.close();
  }
}

const f = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const sink = await startWebhookSink();
  const rows: string[] = [];
  const parseRows: string[] = [];
  try {
    for (const provider of CARRIERS) {
      const { adapter, raw } = await timeOriginate(provider, sink);
      rows.push(
        `| ${provider.padEnd(6)} | ${f(adapter.p50)} / ${f(adapter.p99)} / ${f(adapter.mean)} | ` +
          `${f(raw.p50)} / ${f(raw.p99)} / ${f(raw.mean)} | ${f(adapter.p50 - raw.p50)} | ${f(adapter.mean - raw.mean)} |`,
      );
      process.stderr.write(`${provider}: originate done\n`);
      const parse = await timeParse(provider, sink);
      parseRows.push(
        `| ${provider.padEnd(6)} | ${f(parse.p50, 1)} | ${f(parse.p99, 1)} | ${f(parse.mean, 1)} |`,
      );
      process.stderr.write(`${provider}: parseCallEvent done\n`);
    }
  } finally {
    await sink.close();
  }
  console.log(
    `\noriginate, ${CALLS} sequential calls after ${WARMUP} warm-up, ms (node ${process.version}, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
  );
  console.log(
    '| carrier | adapter p50 / p99 / mean | raw HTTP p50 / p99 / mean | overhead p50 | overhead mean |',
  );
  console.log(
    '| ------- | ------------------------ | ------------------------- | ------------ | ------------- |',
  );
  for (const row of rows) console.log(row);
  console.log(`\nparseCallEvent (verify + parse) of a recorded final-status webhook, ${PARSES} times, µs`);
  console.log('| carrier | p50 | p99 | mean |');
  console.log('| ------- | --- | --- | ---- |');
  for (const row of parseRows) console.log(row);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
