import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, StoreLocked } from '@sunshine/application';
import { DomainError } from '@sunshine/domain';
import { act, CliError, EXIT, lastExitCode } from './cli-error';
import { importFile } from './commands/import.command';
import { importRegister } from './commands/import-register.command';
import { rebuildProjections, replay } from './commands/maintenance.commands';
import { registerQueryCommands } from './commands/query.commands';
import { registerIntegrityCommands } from './commands/integrity.commands';
import { registerReportCommand } from './commands/report.command';
import { registerBackupCommands } from './commands/backup.commands';

const program = new Command()
  .name('sunshine')
  .description("阳光台账 Sunshine Ledger: the command line of a township's event log")
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('serve')
  .description('serve the HTTP API (the same as npm start)')
  .action(async () => {
    await import('../../api/src/main');
    return new Promise(() => undefined);
  });

program
  .command('import')
  .description('apply an NDJSON file of commands, in file order')
  .argument('<file>', 'the NDJSON file, one command envelope a line')
  .addOption(
    new Option('--on-error <mode>', 'stop at the first failure or continue')
      .choices(['stop', 'continue'])
      .default('stop'),
  )
  .option('--url <url>', 'go through a running server instead of opening the store')
  .option('--token <token>', 'bearer token for --url (default: $SUNSHINE_TOKEN)')
  .option('--quiet', 'print only failed lines and the summary')
  .action(
    act(async (file: string, o) =>
      importFile(file, {
        onError: o.onError,
        url: o.url,
        token: o.token ?? process.env.SUNSHINE_TOKEN,
        quiet: o.quiet,
      }),
    ),
  );

program
  .command('import-register')
  .description('record each row of an Excel or CSV register (台账) as a command, in sheet order')
  .argument('<file>', 'the register, .xlsx or .csv (UTF-8 or GB18030)')
  .requiredOption(
    '--kind <kind>',
    'the register kind: investments, villages, village-receipts, … (GET /api/v1/registers)',
  )
  .addOption(
    new Option('--on-error <mode>', 'stop at the first failed row or continue')
      .choices(['stop', 'continue'])
      .default('stop'),
  )
  .option('--url <url>', 'go through a running server instead of opening the store')
  .option('--token <token>', 'bearer token for --url (default: $SUNSHINE_TOKEN)')
  .option('--quiet', 'print only failed rows and the summary')
  .action(
    act(async (file: string, o) =>
      importRegister(file, {
        kind: o.kind,
        onError: o.onError,
        url: o.url,
        token: o.token ?? process.env.SUNSHINE_TOKEN,
        quiet: o.quiet,
      }),
    ),
  );

program
  .command('rebuild-projections')
  .description('drop the read models and replay the whole log into them')
  .action(act(rebuildProjections));

program
  .command('replay')
  .description('replay the log through the projections in memory, up to a recording time or position')
  .option('--known-at <iso>', 'only events recorded up to this instant')
  .option('--to-position <position>', 'only events up to this log position')
  .action(act((o) => replay({ knownAt: o.knownAt, toPosition: o.toPosition })));

registerQueryCommands(program);
registerIntegrityCommands(program);
registerReportCommand(program);
registerBackupCommands(program);

const run = async () => {
  try {
    await program.parseAsync(process.argv);
    return lastExitCode();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${error.detail.zh}\n${error.detail.en}\n`);
      return EXIT.failed;
    }
    if (error instanceof StoreLocked) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
};

run().then((code) => {
  // `serve` keeps running; every other command ends with its exit code.
  if (process.argv[2] !== 'serve') process.exit(code);
});
