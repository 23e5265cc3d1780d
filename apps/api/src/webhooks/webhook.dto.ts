import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CarrierProviders } from '@engine/providers';
import { uuid } from '../common/contract/fields';

const provider = z.enum(CarrierProviders).meta({
  description:
    'the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER)',
});

/** `/api/webhooks/{provider}/...`: the environment's carrier account. */
export class WebhookParams extends createZodDto(z.object({ provider }).strict()) {}

/** `/api/webhooks/{provider}/accounts/{accountId}/...`: one carrier account (deleted ones included). */
export class AccountWebhookParams extends createZodDto(
  z
    .object({ provider, accountId: uuid.meta({ description: 'the carrier account the webhook is for' }) })
    .strict(),
) {}

/**
 * What carriers send: their own wire format, form-encoded (Twilio, Plivo) or JSON (Telnyx, the
 * simulator), parsed by the carrier's adapter after the signature over the raw bytes is verified.
 */
const CARRIER_PAYLOAD = {
  type: 'object',
  additionalProperties: true,
  description: "the carrier's own payload, verified and parsed by its adapter",
};

export const WEBHOOK_BODY = {
  required: true,
  description:
    "The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), " +
    'Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), ' +
    'simulator x-sim-signature (JSON).',
  content: {
    'application/json': { schema: CARRIER_PAYLOAD },
    'application/x-www-form-urlencoded': { schema: CARRIER_PAYLOAD },
  },
};

export const WEBHOOK_STATUSES = {
  unauthorized: {
    description:
      'signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed',
  },
  notFound: {
    description:
      'no such carrier account, an account at another carrier, or (short route) not the configured carrier',
  },
  badRequest: {
    description: 'a path parameter is invalid, or the signed payload is not one the carrier sends',
  },
  conflict: {
    description:
      "the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): " +
      'rotate them',
  },
};

export class CallWebhookAnswer {
  @ApiProperty({
    enum: ['delivered', 'responded', 'unknown_attempt', 'attempt_mismatch', 'campaign_not_running'],
    description:
      'delivered: the outcome went to its campaign; responded: a live event was acted on; the others are ' +
      'acknowledged and ignored (the carrier must not retry them)',
  })
  status!: string;
}

export class SmsStatusWebhookAnswer {
  @ApiProperty({
    enum: ['applied', 'ignored_stale', 'unknown_message', 'message_mismatch'],
    description: 'applied, or acknowledged and ignored (an older status, or a message that is not ours)',
  })
  status!: string;
}

export class InboundSmsWebhookAnswer {
  @ApiProperty({ enum: ['opt_out', 'opt_in', 'help', 'other', 'duplicate', 'unknown_number'] })
  status!: string;
}
