import type { Migration } from 'kysely';
import * as m20261123180000 from './20261123180000_system_checks';
import * as m20261123190000 from './20261123190000_core_schema';
import * as m20261123200000 from './20261123200000_did_lifecycle';
import * as m20261123210000 from './20261123210000_sms_inbound';
import * as m20261201100000 from './20261201100000_health_evidence';
import * as m20261201110000 from './20261201110000_did_single_owner';
import * as m20261201120000 from './20261201120000_carrier_accounts';
import * as m20261202090000 from './20261202090000_prospect_compliance_fields';
import * as m20261202095000 from './20261202095000_compliance_report_indexes';
import * as m20261202100000 from './20261202100000_contact_ledger';
import * as m20261202120000 from './20261202120000_call_queue';

/**
 * The one migration history, in order. A static list (rather than reading the folder at run
 * time) keeps migrations working from TypeScript source, in bundles and under vitest alike.
 */
export const migrations: Record<string, Migration> = {
  '20261123180000_system_checks': m20261123180000,
  '20261123190000_core_schema': m20261123190000,
  '20261123200000_did_lifecycle': m20261123200000,
  '20261123210000_sms_inbound': m20261123210000,
  '20261201100000_health_evidence': m20261201100000,
  '20261201110000_did_single_owner': m20261201110000,
  '20261201120000_carrier_accounts': m20261201120000,
  '20261202090000_prospect_compliance_fields': m20261202090000,
  '20261202095000_compliance_report_indexes': m20261202095000,
  '20261202100000_contact_ledger': m20261202100000,
  '20261202120000_call_queue': m20261202120000,
};
