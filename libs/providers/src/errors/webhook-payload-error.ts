/**
 * A correctly signed webhook whose body is not what the provider sends: not JSON, or a field is
 * missing or has the wrong type. `field` is a dotted path (`outcome`, `body` for the whole body).
 */
export class WebhookPayloadError extends Error {
  readonly code = 'WEBHOOK_PAYLOAD_INVALID' as const;
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
    this.field = field;
  }
}
