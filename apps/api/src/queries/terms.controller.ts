import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { fold, termsDecider, TERMS_STREAM } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { EVENT_STORE } from '../runtime.tokens';
import { EventStore } from '@sunshine/event-store';

@ApiTags('terms')
@ApiBearerAuth()
@Controller('api/v1/terms')
export class TermsController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get()
  @Access('read')
  async list() {
    const events = await this.events.readStream(TERMS_STREAM);
    return { terms: fold(termsDecider, events as never[]).terms };
  }
}
