import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Customer } from '@engine/db';
import { CurrentCustomer } from '../auth/current-customer.decorator';
import { ContactCapsView, UpdateContactCapsDto } from './contact-caps.dto';
import type { UpdateContactCaps } from './contact-caps.dto';
import { ContactCapsService } from './contact-caps.service';

const CAPS_DESCRIPTION =
  'At most `per24h` contacts (calls and texts, across all your campaigns) per number in any rolling 24 ' +
  'hours and `per7d` in any rolling 7 days. A prospect whose number is at its cap waits until the cap ' +
  'allows (`campaign.prospect.capped`).';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance/contact-caps')
export class ContactCapsController {
  constructor(private readonly caps: ContactCapsService) {}

  @Get()
  @ApiOperation({ summary: 'Your frequency caps per number', description: CAPS_DESCRIPTION })
  @ApiOkResponse({ type: ContactCapsView })
  get(@CurrentCustomer() customer: Customer): Promise<ContactCapsView> {
    return this.caps.get(customer.id);
  }

  // A PUT replaces both caps (null: back to the default): repeating it changes nothing more.
  @Put()
  @ApiOperation({
    summary: 'Set your frequency caps per number (null: the default); applies from the next dial tick',
    description: CAPS_DESCRIPTION,
  })
  @ApiOkResponse({ type: ContactCapsView })
  update(@CurrentCustomer() customer: Customer, @Body() dto: UpdateContactCapsDto): Promise<ContactCapsView> {
    return this.caps.set(customer.id, dto as UpdateContactCaps);
  }
}
