// The same probe with what workflow code may import: must lint clean.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { SystemCheckActivities } from '@engine/contracts';

export const allowed = [proxyActivities<SystemCheckActivities>, sleep];
