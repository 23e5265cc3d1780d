import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const DESCRIPTION =
  `Optional; 1-${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters (no spaces), unique per operation (e.g. a UUID). ` +
  'Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) ' +
  `gets the first answer again, status and body, with \`${IDEMPOTENT_REPLAYED_HEADER}: true\`, and nothing is ` +
  'created twice. The same key with a different request answers 422. A request sent while another with the ' +
  'key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, ' +
  '408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer.';

/**
 * Marks a creating POST as idempotent under the `Idempotency-Key` header (see
 * {@link IdempotencyInterceptor}) and documents the header in the OpenAPI document.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description: DESCRIPTION,
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
        pattern: '^[\\x21-\\x7E]+$',
        // Named so that tools know a fresh value is wanted per request (the contract fuzz draws UUIDs).
        format: 'idempotency-key',
      },
    }),
  );
}
