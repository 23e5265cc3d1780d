import type { Logger } from '@engine/config';
import type { SimErrorBody } from '@engine/providers';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { SimConfigError } from '../config/sim-config-error';
import { RequestValidationError } from './request-validation';

/** Sends the simulator's error body. */
export function sendError(res: Response, status: number, body: SimErrorBody): void {
  res.status(status).json(body);
}

/** Unknown routes: a plain `NOT_FOUND`, distinct from `CALL_NOT_FOUND` on purpose (see `SimNotFoundCodes`). */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 404, { error: 'NOT_FOUND', message: `no route ${req.method} ${req.path}` });
};

function isBodyParserError(err: unknown): err is { type: string; status: number; message: string } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err;
}

/** Maps thrown errors to JSON answers: validation 400s name the field; anything else is a 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof RequestValidationError || err instanceof SimConfigError) {
      sendError(res, 400, { error: err.code, field: err.field, message: err.message });
      return;
    }
    if (isBodyParserError(err)) {
      const malformed = err.type === 'entity.parse.failed';
      sendError(res, err.status, {
        error: malformed ? 'MALFORMED_JSON' : 'BAD_BODY',
        field: 'body',
        message: malformed ? 'body: not valid JSON' : `body: ${err.message}`,
      });
      return;
    }
    log.error({ err }, 'carrier simulator request failed');
    sendError(res, 500, { error: 'INTERNAL', message: 'internal simulator error' });
  };
}
