import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@engine/config';
import type { SimConfig, SimConfigPatch } from './config/sim-config';
import type { CarrierSimulatorOptions } from './core/carrier-simulator';
import { CarrierSimulator } from './core/carrier-simulator';
import type { CarrierLedger } from './ledger/carrier-ledger';
import { createSimApp } from './sim-app';

/** Options of {@link startCarrierSim}. */
export interface StartCarrierSimOptions extends CarrierSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`; the process entry listens on `0.0.0.0`. */
  host?: string;
}

/** A running simulator. */
export interface RunningCarrierSim {
  /** Base URL to give `SimulatorProvider`, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  ledger: CarrierLedger;
  simulator: CarrierSimulator;
  /** Same as `PUT /sim/config`. @throws SimConfigError */
  configure(patch: SimConfigPatch): Readonly<SimConfig>;
  /** Same as `POST /sim/reset`. */
  reset(): void;
  /** Cancels pending calls and webhooks and closes the server (open connections included). */
  close(): Promise<void>;
}

/** Starts the simulated carrier in this process (tests) or as the process's server (`main.ts`). */
export async function startCarrierSim(options: StartCarrierSimOptions = {}): Promise<RunningCarrierSim> {
  const logger = options.logger ?? createLogger('carrier-sim');
  const simulator = new CarrierSimulator({ ...options, logger });
  const server = createServer(createSimApp(simulator, logger));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${publicHost}:${port}`,
    port,
    ledger: simulator.ledger,
    simulator,
    configure: (patch) => simulator.configure(patch),
    reset: () => simulator.reset(),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        simulator.close();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (webhook receivers, fetch pools) would hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
