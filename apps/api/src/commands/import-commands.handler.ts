import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { importCommands, ImportResultLine, ImportSummary, Ledger } from '@sunshine/application';
import { LEDGER } from '../ledger.token';
import { ImportCommands } from './import-commands';

@CommandHandler(ImportCommands)
export class ImportCommandsHandler implements ICommandHandler<
  ImportCommands,
  AsyncIterable<ImportResultLine | ImportSummary>
> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({
    lines,
    actor,
    onError,
    language,
  }: ImportCommands): Promise<AsyncIterable<ImportResultLine | ImportSummary>> {
    const ledger = this.ledger;
    const results = importCommands(lines, {
      onError,
      language,
      actor,
      submit: (envelope, who) => ledger.commands.submit(envelope, who),
    });
    return (async function* () {
      let last: string | undefined;
      for await (const line of results) {
        if ('ok' in line && line.ok) last = line.position;
        // The summary comes once the read models include every applied line.
        if ('summary' in line && last !== undefined) await ledger.runner.waitFor(last, 60_000).catch(() => undefined);
        yield line;
      }
    })();
  }
}
