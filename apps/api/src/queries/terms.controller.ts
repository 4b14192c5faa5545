import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Ledger } from '@sunshine/application';
import { fold, termsDecider, TERMS_STREAM } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { LEDGER } from '../ledger.token';

@ApiTags('terms')
@ApiBearerAuth()
@Controller('api/v1/terms')
export class TermsController {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  @Get()
  @Access('read')
  async list() {
    const events = await this.ledger.events.readStream(TERMS_STREAM);
    return { terms: fold(termsDecider, events as never[]).terms };
  }
}
