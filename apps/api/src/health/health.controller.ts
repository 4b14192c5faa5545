import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ledger } from '@sunshine/application';
import { LEDGER } from '../ledger.token';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready when the stores answer and the read models have caught up with the log. */
  @Get('ready')
  async ready() {
    const head = await this.ledger.events.headPosition();
    const caughtUp = await this.ledger.runner.caughtUp();
    const body = {
      status: caughtUp ? 'ready' : 'catching-up',
      log: head ?? null,
      readModels: this.ledger.runner.position() ?? null,
    };
    if (!caughtUp) throw new HttpException(body, 503);
    return body;
  }
}
