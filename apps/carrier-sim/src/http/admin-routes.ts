import type { RequestHandler } from 'express';
import { Router } from 'express';
import type { CarrierSimulator } from '../core/carrier-simulator';
import { webhookListQuerySchema } from './request-schemas';
import { parseRequest } from './request-validation';

/** Health, configuration, reset and the webhook delivery log. */
export function adminRoutes(sim: CarrierSimulator): Router {
  const router = Router();

  router.get('/sim/health', (_req, res) => {
    res.json({
      status: 'ok',
      calls: sim.ledger.calls.length,
      messages: sim.ledger.messages.length,
      inFlight: sim.calls.inFlight,
      pendingTimers: sim.timers.pending,
    });
  });

  router.get('/sim/config', (_req, res) => {
    res.json(sim.config);
  });
  // PUT and PATCH both merge: the body is a patch (see SimConfigPatch), not a whole configuration.
  const configure: RequestHandler = (req, res) => {
    res.json(sim.configure(req.body ?? {}));
  };
  router.put('/sim/config', configure);
  router.patch('/sim/config', configure);
  router.delete('/sim/config', (_req, res) => {
    res.json(sim.restoreConfig());
  });

  router.post('/sim/reset', (_req, res) => {
    sim.reset();
    res.json({ status: 'reset' });
  });

  router.get('/sim/webhooks', (req, res) => {
    const query = parseRequest(webhookListQuerySchema, req.query, 'query');
    const deliveries = sim.ledger.webhooks.toArray(
      (d) =>
        (query.attemptId === undefined || d.attemptId === query.attemptId) &&
        (query.messageId === undefined || d.messageId === query.messageId) &&
        (query.kind === undefined || d.kind === query.kind) &&
        (query.result === undefined || d.result === query.result),
      query.limit,
    );
    res.json({ deliveries, count: deliveries.length, summary: sim.ledger.webhookSummary() });
  });

  return router;
}
