import type { Request } from 'express';
import type { Customer } from '@engine/db';

/** A request the API-key guard let through: it carries the key's customer. */
export interface AuthenticatedRequest extends Request {
  customer: Customer;
  /** The SHA-256 of the request's API key (as stored), naming its rate-limit bucket. */
  apiKeyHash: string;
}
