import { SimNotFoundCodes } from '@engine/providers';
import { Router } from 'express';
import type { CarrierSimulator } from '../core/carrier-simulator';
import { sendError } from './error-handler';
import { callListQuerySchema, originateBodySchema } from './request-schemas';
import { parseRequest } from './request-validation';

/** The voice side of the carrier: originate, lookup, and the ledger views tests and people read. */
export function callRoutes(sim: CarrierSimulator): Router {
  const router = Router();

  router.post('/sim/calls', async (req, res) => {
    const body = parseRequest(originateBodySchema, req.body);
    const decision = sim.calls.originate(body);
    // The call (if placed) already exists: a caller that times out and looks it up will find it.
    if (decision.delayMs > 0) await sim.timers.sleep(decision.delayMs);
    switch (decision.kind) {
      case 'placed':
      case 'duplicate':
        res.status(decision.status).json(decision.answer);
        return;
      case 'refused':
        res.setHeader('retry-after', '1');
        sendError(res, 503, { error: 'CARRIER_UNAVAILABLE', message: 'injected fault: originate refused' });
        return;
      case 'answer_lost':
        sendError(res, 504, {
          error: 'GATEWAY_TIMEOUT',
          message: 'injected fault: call placed, answer lost',
        });
        return;
    }
  });

  router.get('/sim/calls', (req, res) => {
    const { since, ...filter } = parseRequest(callListQuerySchema, req.query, 'query');
    const calls = sim.ledger.listCalls({
      ...filter,
      ...(since === undefined ? {} : { since: new Date(since) }),
    });
    res.json({ calls, count: calls.length, evicted: sim.ledger.calls.evicted });
  });

  router.get('/sim/calls/summary', (_req, res) => {
    res.json(sim.ledger.callSummary(sim.calls.inFlight));
  });

  router.get('/sim/calls/by-attempt/:attemptId', (req, res) => {
    const status = sim.calls.lookup(req.params.attemptId);
    if (!status) {
      sendError(res, 404, {
        error: SimNotFoundCodes.call,
        message: `no call for attempt ${req.params.attemptId}`,
      });
      return;
    }
    res.json(status);
  });

  return router;
}
