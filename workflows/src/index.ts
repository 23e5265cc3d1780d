// The worker bundles this file: export every workflow type the `campaigns` task queue runs.
export { systemCheckWorkflow } from './system-check.workflow';
export { campaignWorkflow } from './campaign/campaign.workflow';
export { didLifecycleWorkflow } from './did-lifecycle/did-lifecycle.workflow';
export { queuedCallWorkflow } from './call/queued-call.workflow';
