import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { CallQueueDefaults } from '@engine/contracts';
import type { Database } from '@engine/db';
import { callQueuePace, findOpenCallQueue, setCallQueuePace } from '@engine/db';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { DB } from '../infrastructure/tokens';
import type { QueueSettingsView, UpdateQueueSettings } from './queue-settings.dto';

/** The customer's call-queue pace: stored, and applied by a running queue at its next turn. */
@Injectable()
export class QueueSettingsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly notifier: CampaignNotifier,
  ) {}

  async get(customerId: string): Promise<QueueSettingsView> {
    return view((await callQueuePace(this.db, customerId)) ?? null);
  }

  async set(customerId: string, update: UpdateQueueSettings): Promise<QueueSettingsView> {
    await setCallQueuePace(this.db, customerId, update.calls_per_second);
    // A queue not running starts with the new pace when calls come.
    const queue = await findOpenCallQueue(this.db, customerId);
    if (queue) await this.notifier.settingsChanged(queue.id);
    return view(update.calls_per_second);
  }
}

function view(pace: number | null): QueueSettingsView {
  return { calls_per_second: pace, effective_calls_per_second: pace ?? CallQueueDefaults.callsPerSecond };
}
