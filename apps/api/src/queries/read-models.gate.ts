import { Inject, Injectable } from '@nestjs/common';

import { ValidationFailed } from '@sunshine/domain';
import { EVENT_STORE } from '../runtime.tokens';
import { EventStore } from '@sunshine/event-store';
import { ProjectionRunner } from '@sunshine/projections';

/** `minPosition`: every query waits until the read models include that position (503 after 5 s). */
@Injectable()
export class ReadModelsGate {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  async reach(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    try {
      this.events.comparePositions(minPosition, minPosition);
    } catch {
      throw new ValidationFailed([
        { path: 'minPosition', zh: '不是本系统给出的位置', en: 'is not a position this log handed out' },
      ]);
    }
    await this.runner.waitFor(minPosition, 5000);
  }
}
