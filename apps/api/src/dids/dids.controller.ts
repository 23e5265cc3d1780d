import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { IdParams } from '../common/contract/fields';
import { Idempotent } from '../common/idempotency';
import { CreateDidDto, DidHealthList, DidHealthReport, DidPage, DidView, ListDidsQuery } from './did.dto';
import { DidsService } from './dids.service';

@ApiTags('dids')
@ApiBearerAuth()
@Controller('dids')
export class DidsController {
  constructor(private readonly dids: DidsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a caller ID (DID) to the pool' })
  @ApiCreatedResponse({ type: DidView })
  @ApiConflictResponse({
    description: 'number already in your pool, or held by another customer (a caller ID has one owner)',
  })
  @ApiNotFoundResponse({ description: 'carrier_account_id names no carrier account of yours' })
  create(@CurrentCustomer() customer: Customer, @Body() dto: CreateDidDto): Promise<DidView> {
    return this.dids.create(customer.id, dto);
  }

  @Get()
  @ApiOkResponse({ type: DidPage })
  list(@CurrentCustomer() customer: Customer, @Query() query: ListDidsQuery): Promise<DidPage> {
    return this.dids.list(customer.id, query);
  }

  // Declared before ':id' so that "health" is not taken for an id.
  @Get('health')
  @ApiOperation({
    summary: 'Per DID: state, score and its components over the last 50 calls since scoreSince',
  })
  @ApiOkResponse({ type: DidHealthList })
  health(@CurrentCustomer() customer: Customer): Promise<DidHealthList> {
    return this.dids.health(customer.id);
  }

  @Get('health/report')
  @ApiOperation({ summary: 'Counts by state and verdict, and the DIDs at risk (score < 0.8 or cooling)' })
  @ApiOkResponse({ type: DidHealthReport })
  report(@CurrentCustomer() customer: Customer): Promise<DidHealthReport> {
    return this.dids.report(customer.id);
  }

  @Get(':id')
  @ApiOkResponse({ type: DidView })
  @ApiNotFoundResponse()
  get(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<DidView> {
    return this.dids.get(customer.id, id);
  }

  // An explicit action, not DELETE: a retired DID stays readable at its URL (its history and
  // health remain) and can be reinstated, which a deleted resource could not.
  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retire a DID (state retired: never selected again unless reinstated; its number is freed)',
  })
  @ApiOkResponse({ type: DidView })
  @ApiNotFoundResponse()
  retire(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<DidView> {
    return this.dids.retire(customer.id, id);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a burned or retired DID back in rotation with a fresh score' })
  @ApiOkResponse({ type: DidView })
  @ApiConflictResponse({
    description: 'not burned or retired, or its number is now held by another customer',
  })
  @ApiNotFoundResponse()
  reinstate(@CurrentCustomer() customer: Customer, @Param() { id }: IdParams): Promise<DidView> {
    return this.dids.reinstate(customer.id, id);
  }
}
