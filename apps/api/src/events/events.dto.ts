import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Channels one stream may name. `customer:<id>` covers all of a customer's campaigns; the bound
 * keeps the URL (channels are in the query) far below the 16 KiB Node allows for a request head,
 * so an over-long one is this API's 400 rather than the HTTP server's 431.
 */
export const MAX_CHANNELS = 20;
/** `campaign:` + a UUID + a comma, and room for a space after each comma. */
const MAX_CHANNELS_LENGTH = MAX_CHANNELS * 47;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CHANNEL = ` *(campaign|customer):${UUID} *`;

/** An event id to resume after: digits (0 replays everything stored); empty: from now on. */
export const EVENT_ID_PATTERN = /^\d{0,15}$/;

export class EventsQuery extends createZodDto(
  z
    .object({
      channels: z
        .string()
        .max(MAX_CHANNELS_LENGTH)
        .regex(new RegExp(`^${CHANNEL}(,${CHANNEL}){0,${MAX_CHANNELS - 1}}$`), {
          message: `must be up to ${MAX_CHANNELS} comma-separated channels, each campaign:<id> or customer:<id>`,
        })
        .meta({
          description: `comma-separated, at most ${MAX_CHANNELS}: campaign:<id> of your campaigns, customer:<your customer id> for all of them`,
          example: 'campaign:4f1c2b9e-8a41-4c1e-9d2a-0b6f3e7c5a11',
        }),
      lastEventId: z
        .string()
        .max(15)
        .regex(EVENT_ID_PATTERN, 'must be a non-negative integer event id')
        .optional()
        .meta({
          description: 'as Last-Event-ID, for clients that cannot set the header (the header wins)',
        }),
    })
    .strict(),
) {}
