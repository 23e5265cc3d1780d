import type { Logger } from '@engine/config';
import { createLogger } from '@engine/config';
import type { Express } from 'express';
import express from 'express';
import { CarrierSimulator } from './core/carrier-simulator';
import { adminRoutes } from './http/admin-routes';
import { callRoutes } from './http/call-routes';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { messageRoutes } from './http/message-routes';

/**
 * The simulated carrier's HTTP surface (all under `/sim`): the carrier API the providers call
 * (`POST /sim/calls`, lookups, SMS), the ledger views, configuration and reset.
 */
export function createSimApp(
  sim: CarrierSimulator = new CarrierSimulator(),
  log: Logger = createLogger('carrier-sim'),
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use(callRoutes(sim));
  app.use(messageRoutes(sim));
  app.use(adminRoutes(sim));
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
