import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CampaignSearchAttributes } from '@engine/contracts';
import { isPortOpen } from '@engine/local-services';

const indexedValueType = temporal.api.enums.v1.IndexedValueType;
/** grpc.health.v1 ServingStatus.SERVING */
const SERVING = 1;

/** True when the frontend answers its gRPC health check. */
export async function temporalAnswers(address: string): Promise<boolean> {
  const [host, port] = splitAddress(address);
  if (!(await isPortOpen(port, host))) return false;
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 2000 });
    const res = await connection.healthService.check({});
    return res.status === SERVING;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

export function splitAddress(address: string): [string, number] {
  const idx = address.lastIndexOf(':');
  return [address.slice(0, idx) || '127.0.0.1', Number(address.slice(idx + 1))];
}

/**
 * Registers the campaign search attributes that are missing: needed when the stack reuses a dev
 * server started before an attribute was added, or points at an external cluster.
 */
export async function ensureSearchAttributes(address: string, namespace: string): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.keys(CampaignSearchAttributes).filter(
      (name) => !(name in (existing.customAttributes ?? {})),
    );
    if (missing.length > 0) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(
          missing.map((name) => [name, indexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
        ),
      });
    }
    return missing;
  } finally {
    await connection.close();
  }
}
