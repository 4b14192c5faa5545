import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, importCommands, ImportResultLine, ImportSummary, NdjsonLine } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { ProjectionRunner } from '@sunshine/projections';
import { Metrics } from '../operations/metrics';

/** The Nest command of a bulk import: NDJSON lines in, result lines out. */
export class ImportCommands {
  constructor(
    readonly lines: AsyncIterable<NdjsonLine>,
    readonly actor: Actor,
    readonly onError: 'stop' | 'continue',
    readonly language: 'zh' | 'en',
  ) {}
}

type ImportOutput = AsyncIterable<ImportResultLine | ImportSummary>;

/** Applies the lines in file order; the summary comes once the read models include every applied line. */
@CommandHandler(ImportCommands)
export class ImportCommandsHandler implements ICommandHandler<ImportCommands, ImportOutput> {
  constructor(
    private readonly commands: CommandPipeline,
    private readonly runner: ProjectionRunner,
    private readonly metrics: Metrics,
  ) {}

  async execute({ lines, actor, onError, language }: ImportCommands): Promise<ImportOutput> {
    const results = importCommands(lines, {
      onError,
      language,
      actor,
      submit: (envelope, who) => this.commands.submit(envelope, who),
      onInvalid: (type) => this.metrics.command(type, 'validation'),
    });
    const runner = this.runner;
    return (async function* () {
      let last: string | undefined;
      for await (const line of results) {
        if ('ok' in line && line.ok) last = line.position;
        if ('summary' in line && last !== undefined) await runner.waitFor(last, 60_000).catch(() => undefined);
        yield line;
      }
    })();
  }
}
