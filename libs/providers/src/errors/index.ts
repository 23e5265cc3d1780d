export * from './provider-request-error';
export * from './webhook-signature-error';
export * from './webhook-payload-error';
export * from './unknown-carrier-account-error';
