import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { Kysely } from 'kysely';
import {
  campaignWorkflowId,
  didsChangedSignal,
  prospectsAddedSignal,
  settingsChangedSignal,
} from '@engine/contracts';
import type { Campaign, Database } from '@engine/db';
import { campaignsPausedForNoDids } from '@engine/db';
import { DB, TEMPORAL_CLIENT } from '../infrastructure/tokens';

/**
 * Nudges running campaign workflows when something they wait on changed elsewhere (prospects
 * added, the DID pool changed, a call queue's pace). A nudge is best effort: a campaign that has finished, or a signal
 * that fails, costs the caller nothing, since the workflow re-checks on its own timers anyway.
 */
@Injectable()
export class CampaignNotifier {
  private readonly logger = new Logger('campaigns');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Tells a running campaign that prospects were added (it re-checks its queue). */
  async prospectsAdded(campaign: Campaign): Promise<void> {
    if (campaign.status !== 'dialing' && campaign.status !== 'paused') return;
    await this.signalQuietly(campaign.id, prospectsAddedSignal);
  }

  /** Tells the customer's campaigns paused for lack of DIDs that the pool changed (auto-resume). */
  async didsChanged(customerId: string): Promise<void> {
    const ids = await campaignsPausedForNoDids(this.db, customerId);
    await Promise.all(ids.map((id) => this.signalQuietly(id, didsChangedSignal)));
  }

  /** Tells a running call queue that its pace changed (it reloads its settings). */
  async settingsChanged(campaignId: string): Promise<void> {
    await this.signalQuietly(campaignId, settingsChangedSignal);
  }

  private async signalQuietly(campaignId: string, def: SignalDefinition<[]>): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).signal(def);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError))
        this.logger.warn(`signal ${def.name} to campaign ${campaignId} failed: ${String(err)}`);
    }
  }
}
