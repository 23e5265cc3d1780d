import { Context } from '@temporalio/activity';

/**
 * The Temporal server's idea of "now" inside an activity: when this attempt was scheduled. Equal
 * to the wall clock in production; under the time-skipping test server it follows the skipped
 * time, so calling windows and due times agree with the workflow's durable timers.
 */
export function activityServerClock(): Date {
  try {
    return new Date(Context.current().info.currentAttemptScheduledTimestampMs);
  } catch {
    return new Date();
  }
}
