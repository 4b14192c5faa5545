import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ExecutedCommand, Ledger } from '@sunshine/application';
import { LEDGER } from '../ledger.token';
import { ExecuteCommand } from './execute-command';

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, ExecutedCommand> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ envelope, actor, awaitReadModels }: ExecuteCommand): Promise<ExecutedCommand> {
    const executed = await this.ledger.commands.execute(envelope, actor);
    if (awaitReadModels) await this.ledger.runner.waitFor(executed.result.position);
    return executed;
  }
}
