import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { isLocalDate } from '@sunshine/domain';
import {
  GeneratedReport,
  generateProgressReport,
  generateReport,
  PROGRESS_FORMATS,
  ProgressFormat,
  REPORT_EDITIONS,
  REPORT_FORMATS,
  ReportEdition,
  ReportFormat,
} from '@sunshine/reports';
import { act, CliError, EXIT } from '../cli-error';
import { withReader } from '../open';

export const knownAtOf = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value)))
    throw new CliError(`--known-at 不是有效的时间 (not an ISO timestamp): ${value}`, EXIT.usage);
  return new Date(value).toISOString();
};

interface ReportOptions {
  format?: ProgressFormat;
  edition: ReportEdition;
  output?: string;
  knownAt?: string;
  from?: string;
  to?: string;
}

const dateOption = (value: string | undefined, option: string): string => {
  if (value === undefined)
    throw new CliError(`进展报告需要 --from 和 --to (a progress report needs --from and --to)`, EXIT.usage);
  if (!isLocalDate(value))
    throw new CliError(`${option} 不是有效的日期 (not a calendar date YYYY-MM-DD): ${value}`, EXIT.usage);
  return value;
};

/** Writes the report to its file, or to stdout when no file is named (text formats only). */
const deliver = (report: GeneratedReport, output: string | undefined, format: string): number => {
  if (output === undefined) {
    if (format === 'docx') throw new CliError('Word 文档需要 -o 指定文件 (a docx needs -o <file>)', EXIT.usage);
    process.stdout.write(report.bytes);
    return EXIT.ok;
  }
  writeFileSync(output, report.bytes);
  const figures = report.document?.appendix.figures.length;
  process.stdout.write(
    figures === undefined
      ? `已生成 ${output} (wrote ${report.bytes.length} bytes)\n`
      : `已生成 ${output}：${figures}个数字，均可追溯至事件 (wrote ${report.bytes.length} bytes, ${figures} figures with their evidence)\n`,
  );
  return EXIT.ok;
};

/**
 * report: the term-end work summary (`report <termId> --format … -o <file>`), or a progress report
 * for any span (`report --from <date> --to <date> [--format] [-o]`). Read-only: it works while the
 * server holds the store.
 */
export const registerReportCommand = (program: Command): void => {
  program
    .command('report')
    .description('the term-end work summary (工作总结), or with --from/--to a progress report (进展情况报告)')
    .argument('[termId]', 'the term of a work summary')
    .addOption(
      new Option('--format <format>', 'output format (json only for a progress report)').choices(PROGRESS_FORMATS),
    )
    .addOption(
      new Option('--edition <edition>', 'clean: the document to hand in; evidence: notes and appendix')
        .choices(REPORT_EDITIONS)
        .default('clean'),
    )
    .option('-o, --output <file>', 'the file to write (a progress report in a text format may go to stdout)')
    .option('--known-at <iso>', 'as known at this instant (the log recorded up to it)')
    .option('--from <date>', 'a progress report: first day of the span (YYYY-MM-DD)')
    .option('--to <date>', 'a progress report: last day of the span (YYYY-MM-DD)')
    .action(
      act(async (termId: string | undefined, o: ReportOptions) => {
        const knownAt = knownAtOf(o.knownAt);
        if (termId === undefined) {
          const span = { from: dateOption(o.from, '--from'), to: dateOption(o.to, '--to') };
          if (span.from > span.to)
            throw new CliError(`--to 不能早于 --from (--to must not be before --from)`, EXIT.usage);
          const format = o.format ?? 'markdown';
          const report = await withReader((reader) =>
            generateProgressReport(reader.readSide, span, {
              format,
              edition: o.edition,
              townshipName: reader.config.townshipName,
              generatedAt: reader.clock(),
              knownAt,
              log: reader.log,
            }),
          );
          return deliver(report, o.output, format);
        }
        if (o.from !== undefined || o.to !== undefined)
          throw new CliError(
            '--from/--to 用于进展报告，不与届次同用 (--from/--to make a progress report, not with a term)',
            EXIT.usage,
          );
        if (o.format === undefined || !(REPORT_FORMATS as readonly string[]).includes(o.format))
          throw new CliError(
            '任期工作总结需要 --format markdown|html|docx (a work summary needs --format)',
            EXIT.usage,
          );
        if (o.output === undefined)
          throw new CliError('任期工作总结需要 -o 指定文件 (a work summary needs -o <file>)', EXIT.usage);
        const format = o.format as ReportFormat;
        const report = await withReader((reader) =>
          generateReport(reader.readSide, termId, {
            format,
            edition: o.edition,
            townshipName: reader.config.townshipName,
            generatedAt: reader.clock(),
            knownAt,
            log: reader.log,
          }),
        );
        return deliver(report, o.output, format);
      }),
    );
};
