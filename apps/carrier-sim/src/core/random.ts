/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Returns a fresh random stream for a key (e.g. `<attemptId>/call`). With a seed, the stream is
 * a function of seed + key only, so a call's draws do not depend on what else happened before it.
 */
export type RandomSource = (key: string) => Random;

/** FNV-1a, 32 bit: a fast, well-spread string hash to turn seed + key into a PRNG seed. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG, plenty for simulation (not for anything secret). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeded streams when `seed` is set, `Math.random` otherwise. */
export function createRandomSource(seed: number | string | undefined): RandomSource {
  if (seed === undefined) return () => Math.random;
  return (key) => mulberry32(fnv1a32(`${seed}\u0000${key}`));
}

/** A uniform integer in [min, max]. */
export function uniformInt(random: Random, min: number, max: number): number {
  return Math.floor(min + random() * (max - min + 1));
}
