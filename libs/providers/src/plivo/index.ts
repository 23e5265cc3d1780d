export * from './plivo-credentials';
export { createPlivoCarrier, PlivoCarrier, PLIVO_FIND_SETTLE_MS } from './plivo-carrier';
export { plivoStatusOutcomes, plivoCallOutcome, PlivoFinalCallStatuses } from './plivo-call-events';
export type { PlivoFinalCallStatus, PlivoLiveCallEvent } from './plivo-call-events';
export { PLIVO_SIGNATURE_HEADER, PLIVO_NONCE_HEADER } from './plivo-webhooks';
