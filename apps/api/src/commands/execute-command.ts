import { CommandEnvelope } from '@sunshine/application';
import { Actor } from '@sunshine/domain';

/** The Nest command that carries one plain domain command to its handler (buses route by class). */
export class ExecuteCommand {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly actor: Actor,
    /** Answer only once the read models include the command (not for bulk imports). */
    readonly awaitReadModels = true,
  ) {}
}
