import { proxyActivities } from '@temporalio/workflow';
import type { CampaignActivities } from '@engine/contracts';

/** The campaign workflow's activities, with the options every one of them runs under. */
export const campaignActivities = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  // Campaign activities heartbeat while they run (activities' withKeepAlive): a worker that dies
  // mid-activity is detected in seconds and the activity retried elsewhere, not after 2 minutes.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});
