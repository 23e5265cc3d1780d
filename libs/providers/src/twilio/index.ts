export * from './twilio-credentials';
export { createTwilioCarrier, TwilioCarrier, TWILIO_FIND_SETTLE_MS } from './twilio-carrier';
export { callOutcome as twilioCallOutcome } from './twilio-call-status';
export { TWILIO_ERROR_REASONS } from './twilio-errors';
export { DEFAULT_TWILIO_TIMEOUT_MS } from './twilio-client';
