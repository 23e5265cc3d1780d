/**
 * DID health verdicts: how often a healthy caller ID is wrongly cooled or burned, and how many
 * calls a bad one places before it leaves rotation, under the old rule (point-score bands after
 * 10 calls, as on main before the evidence-based verdicts) and the engine's current one.
 *
 *   node -r @swc-node/register bench/did-health-verdicts.bench.ts
 *
 * Pure simulation, no services: calls drawn with the carrier simulator's own presets
 * (`drawCallScript`), each DID run through the engine's loop (`simulateDidLife`: judged after
 * every outcome, 3 calls in flight, a cooled DID back after its cooldown with `score_since`
 * reset). Seeded: the same settings print the same figures. About 30-60 s on 2 cores.
 * `BENCH_DIDS` (default 2000 healthy and bad DIDs, a quarter as many mediocre), `BENCH_CALLS`
 * (default 500 calls per healthy and mediocre DID), `BENCH_SEED`.
 */
import Table from 'cli-table3';
import type { ProfilePresetName } from '@engine/carrier-sim';
import { DEFAULT_PROFILE, mulberry32, overlayProfile, ProfilePresets } from '@engine/carrier-sim';
import { callsSince, computeHealthScore, DEFAULT_HEALTH_POLICY } from '@engine/domain';
import type { HealthJudge, SimulatedDidLife } from '../test-stack/src/did-health-simulation';
import { currentHealthJudge, simulateDidLife } from '../test-stack/src/did-health-simulation';
import { percentile } from './support/services';

const DIDS = Number(process.env['BENCH_DIDS'] ?? 2000);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 500);
const SEED = Number(process.env['BENCH_SEED'] ?? 20261201);
/** Placed calls after which a bad DID's simulation stops even if it never left rotation. */
const BAD_CALL_LIMIT = 200;

/**
 * The rule on main before this change, for comparison: the point score of the calls since
 * `score_since` in bands (>= 0.8 ok, >= 0.7 warning, >= 0.5 cooldown, else burned), at most a
 * warning under 10 calls.
 */
const oldPointScoreJudge: HealthJudge = (calls, scoreSince) => {
  const fresh = scoreSince ? callsSince(calls, scoreSince) : calls;
  const { score, sampleSize } = computeHealthScore(fresh);
  const { ok, warning, cooldown } = DEFAULT_HEALTH_POLICY.thresholds;
  if (score >= ok) return 'ok';
  if (score >= warning || sampleSize < DEFAULT_HEALTH_POLICY.minCalls) return 'warning';
  return score >= cooldown ? 'cooldown' : 'burned';
};

const RULES: Array<[name: string, judge: HealthJudge]> = [
  ['old (point score, 10 calls)', oldPointScoreJudge],
  ['new (bounds, 99 % / 99.99 %)', currentHealthJudge()],
];

function lives(judge: HealthJudge, preset: ProfilePresetName, count: number, maxPlaced: number) {
  const profile = overlayProfile(DEFAULT_PROFILE, ProfilePresets[preset]);
  // The same seeds for both rules: each rule sees the very same calls.
  return Array.from({ length: count }, (_, i) =>
    simulateDidLife({ profile, random: mulberry32(SEED + i), judge, maxPlaced }),
  );
}

const share = (lives: SimulatedDidLife[], pick: (l: SimulatedDidLife) => boolean) =>
  `${((100 * lives.filter(pick).length) / lives.length).toFixed(2)} %`;
const per1000Calls = (lives: SimulatedDidLife[], count: (l: SimulatedDidLife) => number) => {
  const placed = lives.reduce((sum, l) => sum + l.placed, 0);
  return ((1000 * lives.reduce((sum, l) => sum + count(l), 0)) / placed).toFixed(3);
};
/** Median / p99 / max; a DID that never left rotation counts as "never". */
const spread = (values: Array<number | null>) => {
  const sorted = values.map((v) => v ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  const show = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'never' : String(v));
  return [percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]].map(show).join(' / ');
};

function main(): void {
  const started = Date.now();
  const table = new Table({
    head: ['', ...RULES.map(([name]) => name)],
    colAligns: ['left', ...RULES.map(() => 'right' as const)],
    style: { head: [], border: [] }, // plain text: the figures are copied into bench/README.md
  });
  const rows: Record<string, string[]> = {};
  const add = (label: string, value: string) => (rows[label] ??= []).push(value);

  for (const [, judge] of RULES) {
    const healthy = lives(judge, 'default', DIDS, CALLS);
    add(
      `healthy (~0.83): cooldowns per 1,000 calls`,
      per1000Calls(healthy, (l) => l.cooldowns),
    );
    add(
      `healthy: burns per 1,000 calls`,
      per1000Calls(healthy, (l) => (l.burnedAfter === null ? 0 : 1)),
    );
    add(
      `healthy: DIDs cooled within ${CALLS} calls`,
      share(healthy, (l) => l.firstCooledAfter !== null),
    );
    add(
      `healthy: DIDs burned within ${CALLS} calls`,
      share(healthy, (l) => l.burnedAfter !== null),
    );
    add(
      `healthy: DIDs warned within ${CALLS} calls`,
      share(healthy, (l) => l.warnings > 0),
    );

    const bad = lives(judge, 'bad', DIDS, BAD_CALL_LIMIT);
    add(
      'bad (~0.2): calls placed until out of rotation, median / p99 / max',
      spread(bad.map((l) => l.leftRotationAfter)),
    );
    add(
      'bad: DIDs burned',
      share(bad, (l) => l.burnedAfter !== null),
    );

    const mediocre = lives(judge, 'mediocre', Math.ceil(DIDS / 4), CALLS);
    add(
      'mediocre (~0.6): calls placed until out of rotation, median / p99 / max',
      spread(mediocre.map((l) => l.leftRotationAfter)),
    );
    add(
      `mediocre: DIDs cooled within ${CALLS} calls`,
      share(mediocre, (l) => l.firstCooledAfter !== null),
    );
    add(
      `mediocre: DIDs burned within ${CALLS} calls`,
      share(mediocre, (l) => l.burnedAfter !== null),
    );
    add(
      `mediocre: cooldowns per DID within ${CALLS} calls`,
      (mediocre.reduce((sum, l) => sum + l.cooldowns, 0) / mediocre.length).toFixed(1),
    );
  }
  for (const [label, values] of Object.entries(rows)) table.push([label, ...values]);

  console.log(
    `DID health verdicts: ${DIDS} healthy and ${DIDS} bad DIDs, ${Math.ceil(DIDS / 4)} mediocre; ` +
      `${CALLS} calls per healthy / mediocre DID (bad: up to ${BAD_CALL_LIMIT}); judged after every outcome, ` +
      `3 calls in flight; seed ${SEED}`,
  );
  console.log(table.toString());
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
