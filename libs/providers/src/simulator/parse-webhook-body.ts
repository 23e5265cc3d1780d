import type { z } from 'zod';
import { WebhookPayloadError } from '../errors/webhook-payload-error';

/** The dotted path of a zod issue, naming the unknown key for `unrecognized_keys`. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.length > 0 ? path.join('.') : 'body';
}

/**
 * Parses a webhook's raw body as JSON and validates it.
 *
 * @throws WebhookPayloadError naming the first offending field (`body` for non-JSON).
 */
export function parseWebhookBody<T>(schema: z.ZodType<T>, rawBody: Buffer | string): T {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    throw new WebhookPayloadError('body', 'webhook body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldOf(issue) : 'body';
  throw new WebhookPayloadError(field, `webhook field ${field}: ${issue?.message ?? 'invalid'}`);
}
