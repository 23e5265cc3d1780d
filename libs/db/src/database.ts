import type { Kysely, Transaction } from 'kysely';
import type { ApiKeysTable } from './tables/api-keys.table';
import type { CallAttemptsTable } from './tables/call-attempts.table';
import type { CampaignsTable } from './tables/campaigns.table';
import type { CarrierAccountsTable } from './tables/carrier-accounts.table';
import type { ContactLedgerTable } from './tables/contact-ledger.table';
import type { CustomersTable } from './tables/customers.table';
import type { DidHealthEventsTable } from './tables/did-health-events.table';
import type { DidOwnershipResolutionsTable } from './tables/did-ownership-resolutions.table';
import type { DidsTable } from './tables/dids.table';
import type { EventsTable } from './tables/events.table';
import type { InboundMessagesTable } from './tables/inbound-messages.table';
import type { ProspectsTable } from './tables/prospects.table';
import type { CallBatchesTable, QueuedCallsTable } from './tables/queued-calls.table';
import type { SmsMessagesTable } from './tables/sms-messages.table';
import type { SuppressionsTable } from './tables/suppressions.table';
import type { SystemChecksTable } from './tables/system-checks.table';

/** The whole schema as kysely sees it: one entry per table. */
export interface Database {
  customers: CustomersTable;
  api_keys: ApiKeysTable;
  campaigns: CampaignsTable;
  carrier_accounts: CarrierAccountsTable;
  prospects: ProspectsTable;
  queued_calls: QueuedCallsTable;
  call_batches: CallBatchesTable;
  dids: DidsTable;
  did_ownership_resolutions: DidOwnershipResolutionsTable;
  call_attempts: CallAttemptsTable;
  sms_messages: SmsMessagesTable;
  contact_ledger: ContactLedgerTable;
  did_health_events: DidHealthEventsTable;
  suppressions: SuppressionsTable;
  events: EventsTable;
  inbound_messages: InboundMessagesTable;
  system_checks: SystemChecksTable;
}

/** Repositories take either, so callers decide the transaction boundaries. */
export type Executor = Kysely<Database> | Transaction<Database>;
