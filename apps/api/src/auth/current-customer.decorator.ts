import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { Customer } from '@engine/db';
import type { AuthenticatedRequest } from './authenticated-request';

/** The customer whose API key authenticated the request; every query is scoped to it. */
export const CurrentCustomer = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Customer =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().customer,
);
