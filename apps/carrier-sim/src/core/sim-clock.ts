/** `setTimeout` fires at once (with a warning) beyond this; a longer simulated call is clamped to it. */
const MAX_TIMER_MS = 2_147_483_647;

/** Simulated milliseconds to wall-clock milliseconds under `timeScale`. */
export function scaled(ms: number, timeScale: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms * timeScale)));
}
