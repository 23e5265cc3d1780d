import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { Idempotent } from '../common/idempotency';
import { ParseId } from '../common/ids';
import {
  CarrierAccountPage,
  CarrierAccountView,
  CreateCarrierAccountDto,
  ListCarrierAccountsQuery,
  SyncDidsResult,
  UpdateCarrierAccountDto,
} from './carrier-account.dto';
import { CarrierAccountsService } from './carrier-accounts.service';

@ApiTags('carrier-accounts')
@ApiBearerAuth()
@Controller('carrier-accounts')
export class CarrierAccountsController {
  constructor(private readonly accounts: CarrierAccountsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Add a carrier account (credentials encrypted at rest, never returned)',
  })
  @ApiCreatedResponse({ type: CarrierAccountView })
  @ApiBadRequestResponse({
    description: 'credentials not valid for the provider (names the field, e.g. credentials.authToken)',
  })
  @ApiServiceUnavailableResponse({ description: 'CARRIER_CREDENTIALS_KEY is not set on the API' })
  create(
    @CurrentCustomer() customer: Customer,
    @Body() dto: CreateCarrierAccountDto,
  ): Promise<CarrierAccountView> {
    return this.accounts.create(customer.id, dto);
  }

  @Get()
  @ApiOkResponse({ type: CarrierAccountPage })
  list(
    @CurrentCustomer() customer: Customer,
    @Query() query: ListCarrierAccountsQuery,
  ): Promise<CarrierAccountPage> {
    return this.accounts.list(customer.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CarrierAccountView })
  @ApiNotFoundResponse()
  get(@CurrentCustomer() customer: Customer, @Param('id', ParseId) id: string): Promise<CarrierAccountView> {
    return this.accounts.get(customer.id, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename an account, rotate its credentials (replaced whole), or change its rate or base URL',
  })
  @ApiOkResponse({ type: CarrierAccountView })
  @ApiBadRequestResponse({
    description: 'a field is invalid; the message names it (e.g. credentials.authToken)',
  })
  @ApiNotFoundResponse()
  update(
    @CurrentCustomer() customer: Customer,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateCarrierAccountDto,
  ): Promise<CarrierAccountView> {
    return this.accounts.update(customer.id, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a carrier account (its calls in flight still report their status)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'DIDs (not retired) still belong to the account; names how many' })
  @ApiNotFoundResponse()
  remove(@CurrentCustomer() customer: Customer, @Param('id', ParseId) id: string): Promise<void> {
    return this.accounts.remove(customer.id, id);
  }

  @Post(':id/sync-dids')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Register the numbers the account owns at the carrier as DIDs on it (another customer's are reported, not taken)",
  })
  @ApiOkResponse({ type: SyncDidsResult })
  @ApiBadGatewayResponse({ description: "the carrier's error (credentials refused, unreachable)" })
  @ApiNotFoundResponse()
  syncDids(@CurrentCustomer() customer: Customer, @Param('id', ParseId) id: string): Promise<SyncDidsResult> {
    return this.accounts.syncDids(customer.id, id);
  }
}
