export * from './create-activities';
export * from './system-check.activities';
export * from './campaign';
export { updateDidHealth } from './did-health/update-did-health';
export { createDidLifecycleActivities } from './did-lifecycle/advance-did-lifecycle';
export * from './carriers';
export { TemporalCallRecords } from './call-queue/call-records';
export type { CallRecords, CallRecordRef } from './call-queue/call-records';
