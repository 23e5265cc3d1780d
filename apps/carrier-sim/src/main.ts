import { ConfigError, createLogger, readEngineEnv } from '@engine/config';
import { startCarrierSim } from './start-carrier-sim';
import { readSimEnv } from './sim-env';

/**
 * Process entry of the simulated carrier. Reads CARRIER_SIM_PORT, WEBHOOK_SECRET, LOG_LEVEL and
 * the SIM_* variables (see `readSimEnv`).
 */
async function main(): Promise<void> {
  const env = readEngineEnv();
  const log = createLogger('carrier-sim', env.LOG_LEVEL);
  const simEnv = readSimEnv();
  const sim = await startCarrierSim({
    port: env.CARRIER_SIM_PORT,
    host: '0.0.0.0',
    webhookSecret: env.WEBHOOK_SECRET,
    config: simEnv.config,
    logger: log,
    ...(simEnv.ledgerCapacity === undefined ? {} : { ledgerCapacity: simEnv.ledgerCapacity }),
  });
  log.info({ port: sim.port, timeScale: sim.simulator.config.timeScale }, 'carrier simulator listening');
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'carrier simulator did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  // A configuration error names the variable; print it plainly rather than as a stack trace.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
