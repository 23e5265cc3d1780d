/** The Temporal Schedule that runs the DID lifecycle every 60 seconds. */
export const DID_LIFECYCLE_SCHEDULE_ID = 'did-lifecycle';
export const DID_LIFECYCLE_WORKFLOW_TYPE = 'didLifecycleWorkflow';

export interface DidLifecycleResult {
  rampedIn: number;
  warmed: number;
}

/** Activities of the DID lifecycle workflow; implemented in `@engine/activities`. */
export interface DidLifecycleActivities {
  /** cooling -> active (ramping in) after the cooldown; warming -> active after warming. */
  advanceDidLifecycle(): Promise<DidLifecycleResult>;
}
