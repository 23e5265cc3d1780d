import { SimNotFoundCodes } from '@engine/providers';
import { Router } from 'express';
import type { CarrierSimulator } from '../core/carrier-simulator';
import { sendError } from './error-handler';
import { inboundBodySchema, messageListQuerySchema, sendSmsBodySchema } from './request-schemas';
import { parseRequest, RequestValidationError } from './request-validation';

/** The SMS side of the carrier: send, lookup, inbound injection and the message ledger. */
export function messageRoutes(sim: CarrierSimulator): Router {
  const router = Router();

  router.post('/sim/messages', (req, res) => {
    const decision = sim.sms.send(parseRequest(sendSmsBodySchema, req.body));
    if (decision.kind === 'refused') {
      res.setHeader('retry-after', '1');
      sendError(res, 503, { error: 'CARRIER_UNAVAILABLE', message: 'injected fault: send refused' });
      return;
    }
    res.status(decision.status).json(decision.answer);
  });

  router.get('/sim/messages', (req, res) => {
    const query = parseRequest(messageListQuerySchema, req.query, 'query');
    const since = query.since === undefined ? undefined : new Date(query.since).toISOString();
    const messages = sim.ledger.messages.toArray(
      (m) =>
        (since === undefined || m.receivedAt >= since) &&
        (query.messageId === undefined || m.messageId === query.messageId) &&
        (query.direction === undefined || m.direction === query.direction),
      query.limit,
    );
    res.json({ messages, count: messages.length, evicted: sim.ledger.messages.evicted });
  });

  router.get('/sim/messages/by-id/:messageId', (req, res) => {
    const status = sim.sms.lookup(req.params.messageId);
    if (!status) {
      sendError(res, 404, { error: SimNotFoundCodes.message, message: `no message ${req.params.messageId}` });
      return;
    }
    res.json(status);
  });

  router.post('/sim/inbound', (req, res) => {
    const body = parseRequest(inboundBodySchema, req.body);
    const callbackUrl = body.callbackUrl ?? sim.config.sms.inboundCallbackUrl;
    if (callbackUrl === undefined) {
      throw new RequestValidationError(
        'callbackUrl',
        'callbackUrl: required (no sms.inboundCallbackUrl configured)',
      );
    }
    const delivered = sim.sms.inbound({ ...body, callbackUrl });
    res
      .status(202)
      .json({ providerMessageId: delivered.providerMessageId, receivedAt: delivered.receivedAt });
  });

  return router;
}
