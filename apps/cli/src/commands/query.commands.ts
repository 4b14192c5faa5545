import { Command } from 'commander';
import { isLocalDate } from '@sunshine/domain';
import { act, CliError, EXIT } from '../cli-error';
import { withReader } from '../open';
import { knownAtOf } from './report.command';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** summary and ledger: the read side on the configured stores, as JSON on stdout (also while the server runs). */
export const registerQueryCommands = (program: Command): void => {
  program
    .command('summary')
    .description('the term summary as JSON')
    .argument('<termId>')
    .option('--known-at <iso>', 'as known at this instant (the log recorded up to it)')
    .action(
      act(async (termId: string, o: { knownAt?: string }) => {
        const knownAt = knownAtOf(o.knownAt);
        print(await withReader((reader) => reader.readSide.termSummary(termId, knownAt)));
        return EXIT.ok;
      }),
    );

  program
    .command('ledger')
    .description("a village's cash balance, entries and debts")
    .argument('<villageId>')
    .option('--as-of <date>', 'business date (default: today in Asia/Shanghai)')
    .option('--known-at <iso>', 'as known at this instant')
    .action(
      act(async (villageId: string, o: { asOf?: string; knownAt?: string }) => {
        if (o.asOf !== undefined && !isLocalDate(o.asOf))
          throw new CliError(`--as-of 不是有效的日期 (not a calendar date YYYY-MM-DD): ${o.asOf}`, EXIT.usage);
        const knownAt = knownAtOf(o.knownAt);
        print(await withReader((reader) => reader.readSide.ledger(villageId, { asOf: o.asOf, knownAt })));
        return EXIT.ok;
      }),
    );
};
