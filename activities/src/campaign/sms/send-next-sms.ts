import type { SmsTickInput, SmsTickResult } from '@engine/contracts';
import { findSmsMessage, requeueProspects } from '@engine/db';
import { attemptIdFor } from '../attempt-id';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import { cancelReassigned } from '../reassigned-check';
import { recipientWindow, reopensAt } from '../recipient-window';
import { composeMessage } from './compose-message';
import { recordMessage, sendMessage } from './send-message';
import { SmsTick } from './sms-tick';

/**
 * One tick of an SMS drip: claims the next due prospect and texts it. Suppressed numbers are
 * cancelled (`campaign.prospect.dnc`); outside 07:00–19:00 in the recipient's zone the prospect
 * waits for the window; the template is rendered (a missing variable without fallback skips the
 * prospect with the reason) and encoded (GSM-7 where possible); a DID is picked under the per-DID
 * gap. The message row is written (`sending`) before the carrier is called, and a message found
 * `sending` on a retry is looked up at the carrier, never sent blind a second time.
 */
export function createSendNextSms(deps: CampaignActivityDeps) {
  return async function sendNextSms(input: SmsTickInput): Promise<SmsTickResult> {
    const tick = new SmsTick(deps, input, activityNow(deps));
    const prospect = await tick.claim();
    if (!prospect) return tick.finish('nothing_due');
    if (prospect.suppressed) {
      await tick.publishDnc(prospect);
      return tick.finish('dnc');
    }
    if (prospect.status !== 'sending')
      return tick.finish(prospect.status === 'sent' ? 'sent' : 'skipped', prospect.status === 'sent');

    const messageId = attemptIdFor(prospect.id, prospect.attempt_count);
    const existing = await findSmsMessage(deps.db, messageId);
    const window = recipientWindow(prospect, input.settings, 'sms');
    // A message already written is checked again right before the carrier (see sendMessage).
    if (!existing && !window.isAllowed(tick.now)) {
      const at = reopensAt(window, tick.now, prospect);
      await requeueProspects(deps.db, [
        { id: prospect.id, at, refundAttempt: true, reason: 'outside_window' },
      ]);
      return tick.finish('outside_window');
    }
    // Asked only once the window is open: the real database charges per query, and a prospect
    // waiting for its window would otherwise be asked at every claim.
    if (!existing && (await cancelReassigned(deps, input.settings, [prospect], 'sending', tick.now)).size > 0)
      return tick.finish('skipped');
    const message = await composeMessage(tick, prospect, existing);
    if (!message) return tick.finish('skipped');

    const out = { prospect, messageId, existing, message, window };
    const sender = await recordMessage(tick, out);
    if ('outcome' in sender) return sender;
    return sendMessage(tick, out, sender);
  };
}
