import { Context } from '@temporalio/activity';

/** How often a running campaign activity tells the server its worker is alive. */
export const KEEP_ALIVE_INTERVAL_MS = 2_000;

type AnyActivity = (...args: any[]) => Promise<unknown>;

/**
 * Wraps each activity so that it heartbeats every {@link KEEP_ALIVE_INTERVAL_MS} while it runs.
 * The campaign workflow gives its activities a short `heartbeatTimeout`: when a worker process
 * dies (SIGKILL, OOM, lost host) in the middle of an activity, the server retries the activity on
 * another worker within seconds instead of after the whole `startToCloseTimeout`, which would
 * stall the campaign for minutes. A live worker keeps heartbeating however long the work takes.
 * Outside an activity (a direct call in a unit test) the function just runs.
 */
export function withKeepAlive<T extends object>(activities: T): T {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, fn] of Object.entries(activities) as Array<[string, AnyActivity]>) {
    wrapped[name] = async (...args: unknown[]) => {
      let ctx: Context;
      try {
        ctx = Context.current();
      } catch {
        return fn(...args);
      }
      const timer = setInterval(() => ctx.heartbeat(), KEEP_ALIVE_INTERVAL_MS);
      try {
        return await fn(...args);
      } finally {
        clearInterval(timer);
      }
    };
  }
  return wrapped as T;
}
