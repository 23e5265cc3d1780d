import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './contract/error-answer';

/**
 * Express error middleware for what the body parsers reject before Nest sees the request: a body
 * over the limit is a 413, malformed JSON a 400, an unsupported charset a 415; JSON like the rest
 * of the API instead of Express's HTML page.
 */
export function bodyParserErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    message?: unknown;
    limit?: unknown;
  };
  const status =
    typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500 || res.headersSent) {
    next(err);
    return;
  }
  let message = typeof e.message === 'string' ? e.message : 'bad request';
  if (e.type === 'entity.too.large')
    message = `request body is larger than the limit of ${String(e.limit)} bytes`;
  else if (e.type === 'entity.parse.failed') message = `body is not valid JSON: ${message}`;
  res.status(status).json(errorBody(status, message));
}
