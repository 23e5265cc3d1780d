/**
 * What the one window function costs per prospect, as the worker calls it.
 *
 *   node -r @swc-node/register bench/contact-window.bench.ts
 *
 * Prospects are drawn over every NANP area code in the table (a fifth with a stated state, a
 * tenth with a ZIP, a twentieth in an area code the table lacks) at instants spread over three
 * years. Per prospect, timed one by one with `process.hrtime.bigint`:
 *   - `claim check`: `contactWindowFor` (place resolution + the cached window) and `isAllowed`,
 *     what a dial tick does for every claimed prospect;
 *   - `re-queue`: the same plus `nextAllowed` with the spread key, for a prospect outside it;
 *   - `cold`: the first check of a place with the window cache emptied before each (a worker's
 *     first tick after a start, or a campaign whose prospects share no place).
 * Then the same loop on the old federal-only `isCallable` for comparison.
 *
 * Env: BENCH_WINDOW_PROSPECTS (20000), BENCH_WINDOW_ROUNDS (3). About 15 s.
 */
import {
  NANP_AREA_CODE_ZONES,
  JURISDICTION_RULES,
  contactWindowFor,
  isCallable,
  resolveRecipientZones,
} from '@engine/domain';
import { percentile } from './support/services';

const PROSPECTS = Number(process.env['BENCH_WINDOW_PROSPECTS'] ?? 20_000);
const ROUNDS = Number(process.env['BENCH_WINDOW_ROUNDS'] ?? 3);
const START = Date.UTC(2026, 11, 1);
const SPAN = 3 * 365 * 86_400_000;

interface Prospect {
  id: number;
  e164: string;
  state?: string;
  postalCode?: string;
  at: Date;
}

/** A deterministic generator (mulberry32), so every run times the same prospects. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prospects(n: number): Prospect[] {
  const rnd = random(20261201);
  const codes = [...NANP_AREA_CODE_ZONES.keys()];
  const states = [...new Set(JURISDICTION_RULES.flatMap((r) => r.regions))];
  return Array.from({ length: n }, (_, id) => {
    const unknown = rnd() < 0.05;
    const code = unknown ? '533' : (codes[Math.floor(rnd() * codes.length)] ?? '415');
    const p: Prospect = {
      id,
      e164: `+1${code}${String(2_000_000 + Math.floor(rnd() * 7_999_999))}`,
      at: new Date(START + Math.floor(rnd() * SPAN)),
    };
    if (rnd() < 0.2) p.state = states[Math.floor(rnd() * states.length)] ?? 'US-FL';
    if (rnd() < 0.1) p.postalCode = '33101';
    return p;
  });
}

function time(list: Prospect[], fn: (p: Prospect) => void): { p50: number; p99: number } {
  const us: number[] = [];
  for (const p of list) {
    const t0 = process.hrtime.bigint();
    fn(p);
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  us.sort((a, b) => a - b);
  return { p50: percentile(us, 50), p99: percentile(us, 99) };
}

const fmt = (s: { p50: number; p99: number }) => `p50 ${s.p50.toFixed(1)} µs, p99 ${s.p99.toFixed(1)} µs`;

function main(): void {
  const list = prospects(PROSPECTS);
  const window = (p: Prospect) => contactWindowFor(p, { channel: 'voice' });
  // Warm-up: JIT, holiday calendars, zone offsets.
  for (const p of list.slice(0, 2000)) window(p).nextAllowed(p.at, { spreadKey: String(p.id) });
  for (let round = 1; round <= ROUNDS; round++) {
    const claim = time(list, (p) => void window(p).isAllowed(p.at));
    const requeue = time(list, (p) => {
      const w = window(p);
      if (!w.isAllowed(p.at)) w.nextAllowed(p.at, { spreadKey: String(p.id) });
    });
    const cold = time(list.slice(0, 2000), (p) => {
      const place = contactWindowFor(p, { channel: 'voice', rules: [...JURISDICTION_RULES] });
      void place.isAllowed(p.at);
    });
    const federal = time(list, (p) => {
      void isCallable(p.at, 'voice', resolveRecipientZones({ e164: p.e164 }).zones);
    });
    console.log(
      `round ${round}: claim check ${fmt(claim)} | re-queue ${fmt(requeue)} | cold ${fmt(cold)} | ` +
        `federal-only isCallable ${fmt(federal)}`,
    );
  }
  console.log(
    `${PROSPECTS} prospects, ${NANP_AREA_CODE_ZONES.size} area codes, ${JURISDICTION_RULES.length} rule rows`,
  );
}

main();
