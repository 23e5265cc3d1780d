import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { EngineConfig } from '@engine/config';
import { ConfigError } from '@engine/config';
import { credentialsCipherFromEnv } from '@engine/activities';
import type { CredentialsCipher } from '@engine/providers';
import { CREDENTIALS_KEY_HINT } from '@engine/providers';
import { ENGINE_CONFIG } from '../infrastructure/tokens';

/**
 * The API's credentials cipher, from `CARRIER_CREDENTIALS_KEY`. Without a key the API refuses to
 * store (or read) credentials with a 503 naming the variable, rather than keep them in clear.
 */
@Injectable()
export class CarrierCredentialsKey {
  private readonly cipherOrProblem: CredentialsCipher | string;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    let cipher: CredentialsCipher | string;
    try {
      cipher =
        credentialsCipherFromEnv(config.env) ??
        `carrier accounts need CARRIER_CREDENTIALS_KEY, which is not set on this API: ${CREDENTIALS_KEY_HINT}`;
    } catch (err) {
      // A malformed key already stops start-up; kept for an API built without that check.
      if (!(err instanceof ConfigError)) throw err;
      cipher = err.message;
    }
    this.cipherOrProblem = cipher;
  }

  /** The cipher; a 503 naming `CARRIER_CREDENTIALS_KEY` when the API has none. */
  cipher(): CredentialsCipher {
    if (typeof this.cipherOrProblem === 'string') throw new ServiceUnavailableException(this.cipherOrProblem);
    return this.cipherOrProblem;
  }
}
