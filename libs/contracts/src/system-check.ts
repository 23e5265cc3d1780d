/** Input of the system-check workflow that proves worker, Postgres and Redis are wired. */
export interface SystemCheckInput {
  /** Unique id of this check; the activity writes it to Postgres and Redis. */
  checkId: string;
  /** Durable sleep between the two activity calls, in milliseconds (0 for none). */
  sleepMs?: number;
}

export interface SystemCheckResult {
  checkId: string;
  postgresRowId: string;
  redisKey: string;
  workerIdentity: string;
  sleptMs: number;
}

export const SYSTEM_CHECK_WORKFLOW_TYPE = 'systemCheckWorkflow';

/** Activities the system-check workflow calls; implemented in `@engine/activities`. */
export interface SystemCheckActivities {
  /** Writes the check to Postgres and Redis (idempotent on `checkId`). */
  recordSystemCheck(
    checkId: string,
  ): Promise<{ postgresRowId: string; redisKey: string; workerIdentity: string }>;
  /** Reads both back, proving the write is visible from outside the activity. */
  verifySystemCheck(checkId: string): Promise<boolean>;
}
