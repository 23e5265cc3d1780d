// Placeholder: the Twilio adapter (credentials schema, factory) lands here.
export {};
