import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandEnvelope, CommandPipeline, ExecutedCommand } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { ProjectionRunner } from '@sunshine/projections';

/** The Nest command that carries one validated command to its handler (Nest's buses route by class). */
export class ExecuteCommand {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly actor: Actor,
  ) {}
}

/** Runs the command, then answers once the read models include it (read-your-writes). */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, ExecutedCommand> {
  constructor(
    private readonly commands: CommandPipeline,
    private readonly runner: ProjectionRunner,
  ) {}

  async execute({ envelope, actor }: ExecuteCommand): Promise<ExecutedCommand> {
    const executed = await this.commands.execute(envelope, actor);
    await this.runner.waitFor(executed.result.position);
    return executed;
  }
}
