import { CallInterface } from 'plivo/dist/resources/call';
import { MessageInterface } from 'plivo/dist/resources/messages';
import { NumberInterface } from 'plivo/dist/resources/numbers';
import { camelCaseRequestWrapper } from 'plivo/dist/rest/utils';
import type { PlivoCredentials } from './plivo-credentials';
import type { PlivoRequestFunction } from './plivo-transport';
import { createPlivoTransport } from './plivo-transport';

/** The SDK resources the adapter uses, over the adapter's own transport. */
export interface PlivoClient {
  calls: CallInterface;
  messages: MessageInterface;
  numbers: NumberInterface;
}

/** Options of {@link createPlivoClient}. */
export interface PlivoClientOptions {
  credentials: PlivoCredentials;
  apiBaseUrl: string;
  timeoutMs: number;
  /** Replaces the HTTP transport (tests); default the fetch transport of `plivo-transport`. */
  transport?: PlivoRequestFunction;
}

/**
 * Builds the official SDK's resource interfaces (parameter naming and validation, answer shapes)
 * on a request function of ours instead of `new plivo.Client(...)`. The SDK's client sends every
 * voice request to its hard-coded public host, whatever `url` it is given, and re-sends it on a
 * 5xx (see `plivo-transport`): neither is acceptable for a call create. The camel-case wrapper is
 * the SDK's own, so the resources see exactly what its client would give them.
 */
export function createPlivoClient(options: PlivoClientOptions): PlivoClient {
  const transport =
    options.transport ??
    createPlivoTransport({
      authId: options.credentials.authId,
      authToken: options.credentials.authToken,
      apiBaseUrl: options.apiBaseUrl,
      timeoutMs: options.timeoutMs,
    });
  const request = camelCaseRequestWrapper(transport) as (...args: unknown[]) => unknown;
  return {
    calls: new CallInterface(request),
    messages: new MessageInterface(request),
    numbers: new NumberInterface(request),
  };
}
