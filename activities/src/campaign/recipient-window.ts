import type { CampaignSettings } from '@engine/contracts';
import type { CallingChannel, ContactWindow } from '@engine/domain';
import { CONTACT_WINDOW_HORIZON_DAYS, contactWindowFor, NoContactWindowError } from '@engine/domain';

/** What a prospect row tells of where its recipient is. */
export interface ProspectWhereabouts {
  readonly id: number;
  readonly phone: string;
  readonly timezone: string | null;
  /** ISO 3166-2 region the customer gave (`US-FL`), if any. */
  readonly state?: string | null | undefined;
  readonly postal_code?: string | null | undefined;
}

/**
 * The prospect's contact window on a channel: federal ∩ the rules of its regions (area code,
 * state, postal code) ∩ holidays ∩ the campaign's own hours, in every zone it may be in. The one
 * window the claim, the re-queue and the re-check before the carrier ask.
 */
export function recipientWindow(
  prospect: ProspectWhereabouts,
  settings: Pick<CampaignSettings, 'timezone' | 'callingHours'>,
  channel: CallingChannel,
): ContactWindow {
  return contactWindowFor(
    {
      e164: prospect.phone,
      timezone: prospect.timezone,
      state: prospect.state,
      postalCode: prospect.postal_code,
      campaignZone: settings.timezone,
    },
    { channel, campaignHours: settings.callingHours },
  );
}

/**
 * When a prospect outside its window is due again: the next allowed instant, spread by its id.
 * A recipient with no allowed instant within the horizon (a campaign whose days fall on the
 * recipient's banned ones) is looked at again at the horizon's end, never contacted before.
 */
export function reopensAt(window: ContactWindow, now: Date, prospect: { readonly id: number }): Date {
  try {
    return window.nextAllowed(now, { spreadKey: String(prospect.id) });
  } catch (err) {
    if (!(err instanceof NoContactWindowError)) throw err;
    return new Date(now.getTime() + CONTACT_WINDOW_HORIZON_DAYS * 86_400_000);
  }
}
