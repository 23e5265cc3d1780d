import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { IdParams } from '../common/contract/fields';
import type { CreateCarrierAccount, UpdateCarrierAccount } from './carrier-account.dto';
import {
  CarrierAccountPage,
  CarrierAccountView,
  CreateCarrierAccountDto,
  ListCarrierAccountsQuery,
  SyncDidsResult,
  UpdateCarrierAccountDto,
} from './carrier-account.dto';
import { CarrierAccountsService } from './carrier-accounts.service';

/** Every route that reads or writes credentials needs the API's key. */
const NO_KEY = { description: 'CARRIER_CREDENTIALS_KEY is not set on the API' };

@ApiTags('carrier-accounts')
@ApiBearerAuth()
@Controller('carrier-accounts')
export class CarrierAccountsController {
  constructor(private readonly accounts: CarrierAccountsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Add a carrier account (credentials encrypted at rest, never returned)',
    description: '`provider` selects the credential fields (one schema per provider).',
  })
  @ApiCreatedResponse({ type: CarrierAccountView })
  @ApiServiceUnavailableResponse(NO_KEY)
  create(
    @CurrentCustomer() customer: Customer,
    @Body() dto: CreateCarrierAccountDto,
  ): Promise<CarrierAccountView> {
    return this.accounts.create(customer.id, dto as CreateCarrierAccount);
  }

  @Get()
  @ApiOperation({ summary: 'Your carrier accounts, oldest first (deleted ones are not listed)' })
  @ApiOkResponse({ type: CarrierAccountPage })
  @ApiServiceUnavailableResponse(NO_KEY)
  list(
    @CurrentCustomer() customer: Customer,
    @Query() query: ListCarrierAccountsQuery,
  ): Promise<CarrierAccountPage> {
    return this.accounts.list(customer.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CarrierAccountView })
  @ApiNotFoundResponse({ description: 'no such account of yours, or it was deleted' })
  @ApiServiceUnavailableResponse(NO_KEY)
  get(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<CarrierAccountView> {
    return this.accounts.get(customer.id, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename an account, rotate its credentials (replaced whole), or change its rate or base URL',
    description:
      "`provider` repeats the account's provider, which selects the credential fields; it cannot change. " +
      'Workers and the API use the change within their 30 s account cache.',
  })
  @ApiOkResponse({ type: CarrierAccountView })
  @ApiNotFoundResponse({ description: 'no such account of yours, or it was deleted' })
  @ApiConflictResponse({ description: "`provider` is not the account's provider (code provider_mismatch)" })
  @ApiServiceUnavailableResponse(NO_KEY)
  update(
    @CurrentCustomer() customer: Customer,
    @Param() { id }: IdParams,
    @Body() dto: UpdateCarrierAccountDto,
  ): Promise<CarrierAccountView> {
    return this.accounts.update(customer.id, id, dto as UpdateCarrierAccount);
  }

  // A real DELETE: the account is gone from the API (GET, PATCH, sync-dids and a second DELETE
  // answer 404, the list omits it). The row stays only so that calls placed through it before
  // can still have their webhooks verified; nothing can reinstate it, unlike a retired DID.
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a carrier account',
    description:
      'Afterwards its URL answers 404 (GET, PATCH, DELETE, sync-dids) and the list omits it. Calls already ' +
      'placed through it still report their status (its webhooks keep being verified with its secret).',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiConflictResponse({ description: 'DIDs (not retired) still belong to the account; names how many' })
  @ApiNotFoundResponse({ description: 'no such account of yours, or it was deleted already' })
  remove(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<void> {
    return this.accounts.remove(customer.id, id);
  }

  @Post(':id/sync-dids')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Register the numbers the account owns at the carrier as DIDs on it (another customer's are reported, not taken)",
  })
  @ApiOkResponse({ type: SyncDidsResult })
  @ApiNotFoundResponse({ description: 'no such account of yours, or it was deleted (also while syncing)' })
  @ApiConflictResponse({
    description:
      "the account's settings do not work: the carrier refused its credentials (code carrier_auth_refused) " +
      'or the request (carrier_refused), its api_base_url does not answer (carrier_unreachable), or the ' +
      'stored credentials no longer decrypt',
  })
  @ApiTooManyRequestsResponse({
    description: "this API key's rate limit, or the carrier's for the account (code carrier_rate_limited)",
  })
  @ApiBadGatewayResponse({
    description:
      "the carrier's own endpoint could not be reached or failed (5xx, timeout): code carrier_unavailable",
  })
  @ApiServiceUnavailableResponse(NO_KEY)
  syncDids(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<SyncDidsResult> {
    return this.accounts.syncDids(customer.id, id);
  }
}
