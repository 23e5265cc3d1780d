import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CallOutcomeReport } from './call-outcome';
import type { CallCancelRequest, CampaignStateView } from './campaign-state';

/**
 * Signals and queries of the campaign workflow. Names are plain words so that
 * `temporal workflow signal --name pause --input '{"reason":"..."}'` works as the README shows.
 */
export const pauseSignal = defineSignal<[{ reason?: string } | undefined | null]>('pause');
export const resumeSignal = defineSignal<[]>('resume');
export const cancelSignal = defineSignal<[{ reason?: string } | undefined | null]>('cancel');
/** Delivered by the provider webhook (through the API) for each call status callback. */
export const callOutcomeSignal = defineSignal<[CallOutcomeReport]>('callOutcome');
/**
 * Several outcomes of one campaign in one signal. The API gathers the webhooks that arrive within a
 * few milliseconds of each other: one history event and one billable action instead of one per
 * call, and a busy campaign stays under the server's limit on signals buffered per workflow task.
 */
export const callOutcomesSignal = defineSignal<[CallOutcomeReport[]]>('callOutcomes');
/** Sent when the DID pool changes, so a campaign paused for `no_dids` can re-check (auto-resume). */
export const didsChangedSignal = defineSignal<[]>('didsChanged');
/** Sent by the API after prospects are added to a running campaign. */
export const prospectsAddedSignal = defineSignal<[]>('prospectsAdded');
export const stateQuery = defineQuery<CampaignStateView>('state');

/**
 * Call queue only: cancel queued calls not yet dialed (`temporal workflow signal --name
 * cancelCalls --input '{"callIds":["<id>"]}'`); the API's `DELETE /api/calls/:id` does the same
 * in the database directly. A call already dialing is not affected.
 */
export const cancelCallsSignal = defineSignal<[CallCancelRequest]>('cancelCalls');

/** Call queue only: the customer changed the queue's pace; the workflow reloads its settings. */
export const settingsChangedSignal = defineSignal<[]>('settingsChanged');
