import type { HttpException } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import type { CarrierAccount } from '@engine/db';
import { ProviderRequestError } from '@engine/providers';
import { apiError } from '../common/contract/error-body';

/**
 * A carrier's failure (while the API acts on an account, e.g. sync-dids) as the API's answer.
 * What the account's own settings caused is a 409 naming them: credentials refused, a request the
 * carrier refuses, no answer at all from the base URL the customer set. The carrier's rate limit
 * is a 429 with its delay. Only the carrier's own endpoint failing (5xx, timeout, network) is a 502.
 */
export function carrierFailure(row: CarrierAccount, err: unknown): HttpException {
  const message = err instanceof Error ? err.message : String(err);
  const unavailable = () =>
    apiError(HttpStatus.BAD_GATEWAY, `${row.provider} could not be reached or failed: ${message}`, {
      code: 'carrier_unavailable',
    });
  if (!(err instanceof ProviderRequestError)) return unavailable();
  const carrierCode = err.carrierCode ? ` (error ${err.carrierCode})` : '';
  switch (err.reason) {
    case 'auth':
      return apiError(
        HttpStatus.CONFLICT,
        `${row.provider} refused the credentials of carrier account ${row.id}${carrierCode}: ` +
          `check them at the carrier and rotate them with PATCH (${message})`,
        { code: 'carrier_auth_refused' },
      );
    case 'rate_limited': {
      const after = err.retryAfterMs === undefined ? '' : ` in ${Math.ceil(err.retryAfterMs / 1000)} s`;
      return apiError(
        HttpStatus.TOO_MANY_REQUESTS,
        `${row.provider} rate-limited carrier account ${row.id}: try again${after}`,
        { code: 'carrier_rate_limited' },
      );
    }
    case 'unavailable':
      // No carrier answer at all (no HTTP status) from a base URL the customer set: most likely
      // that setting's fault, not the carrier's.
      if (err.status === undefined && row.api_base_url !== null) {
        return apiError(
          HttpStatus.CONFLICT,
          `no ${row.provider} answer from the account's api_base_url ${row.api_base_url}: ` +
            `check it (${message})`,
          { code: 'carrier_unreachable', field: 'api_base_url' },
        );
      }
      return unavailable();
    default:
      return apiError(
        HttpStatus.CONFLICT,
        `${row.provider} refused the request for carrier account ${row.id}${carrierCode}: ` +
          `check its settings (api_base_url, permissions) (${message})`,
        { code: 'carrier_refused' },
      );
  }
}
