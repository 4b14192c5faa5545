import { Inject, Injectable } from '@nestjs/common';
import { Ledger } from '@sunshine/application';
import { ValidationFailed } from '@sunshine/domain';
import { LEDGER } from '../ledger.token';

/** `minPosition`: every query waits until the read models include that position (503 after 5 s). */
@Injectable()
export class ReadModelsGate {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async reach(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    try {
      this.ledger.events.comparePositions(minPosition, minPosition);
    } catch {
      throw new ValidationFailed([
        { path: 'minPosition', zh: '不是本系统给出的位置', en: 'is not a position this log handed out' },
      ]);
    }
    await this.ledger.runner.waitFor(minPosition, 5000);
  }
}
