import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody } from './contract/error-answer';
import { allowedMethods, isShadowedRoute } from './contract/method-not-allowed';

/**
 * The API's one exception filter: every error answer has the one `ErrorBody` shape the OpenAPI
 * document declares. HTTP exceptions keep their status, message and field; anything else is
 * logged with its stack and answers a plain 500 that reveals nothing.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const req = host.switchToHttp().getRequest<Request>();
    // No route matched (`req.route` unset), or only one whose parameter caught another route's
    // literal path: a known path with another method is a 405.
    if (exception instanceof NotFoundException && (req.route === undefined || isShadowedRoute(req))) {
      const allow = allowedMethods(req);
      if (allow.length > 0) {
        const status = HttpStatus.METHOD_NOT_ALLOWED;
        res.setHeader('Allow', allow.join(', '));
        res
          .status(status)
          .json(
            errorBody(status, `${req.method} is not allowed on ${req.path} (allowed: ${allow.join(', ')})`),
          );
        return;
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      res.status(status).json(errorBody(status, exception.getResponse()));
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    res.status(status).json(errorBody(status, 'internal error'));
  }
}
