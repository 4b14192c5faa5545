import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { CommandOutcome, Ledger } from '@sunshine/application';
import { LEDGER } from '../ledger.token';
import { ExecuteCommand } from './execute-command';

export interface ExecutedCommand extends CommandOutcome {
  /** A new user's bearer token, shown this once. */
  token?: string;
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, ExecutedCommand> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ envelope, actor, awaitReadModels }: ExecuteCommand): Promise<ExecutedCommand> {
    const outcome = await this.ledger.pipeline.execute(envelope, actor);
    let token: string | undefined;
    if (envelope.type === 'RegisterUser' && !outcome.duplicate) {
      token = randomBytes(32).toString('base64url');
      this.ledger.secrets.setToken(String(envelope.data.userId), token);
    }
    this.ledger.runner.notify();
    if (awaitReadModels) await this.ledger.runner.waitFor(outcome.result.position);
    return { ...outcome, ...(token ? { token } : {}) };
  }
}
