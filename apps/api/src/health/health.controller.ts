import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '../runtime.tokens';
import { EventStore } from '@sunshine/event-store';
import { ProjectionRunner } from '@sunshine/projections';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready when the stores answer and the read models have caught up with the log. */
  @Get('ready')
  async ready() {
    const head = await this.events.headPosition();
    const caughtUp = await this.runner.caughtUp();
    const body = {
      status: caughtUp ? 'ready' : 'catching-up',
      log: head ?? null,
      readModels: this.runner.position() ?? null,
    };
    if (!caughtUp) throw new HttpException(body, 503);
    return body;
  }
}
