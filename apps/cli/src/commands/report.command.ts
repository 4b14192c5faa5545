import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { generateReport, REPORT_FORMATS, ReportFormat } from '@sunshine/reports';
import { act, CliError, EXIT } from '../cli-error';
import { withRuntime } from '../open';

const knownAtOf = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value)))
    throw new CliError(`--known-at 不是有效的时间 (not an ISO timestamp): ${value}`, EXIT.usage);
  return new Date(value).toISOString();
};

/** report: the term-end work summary written to a file, as Markdown, HTML or Word. */
export const registerReportCommand = (program: Command): void => {
  program
    .command('report')
    .description('the term-end work summary (工作总结) in Chinese, every figure referenced to its events')
    .argument('<termId>')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).makeOptionMandatory())
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--known-at <iso>', 'as known at this instant (the log recorded up to it)')
    .action(
      act(async (termId: string, o: { format: ReportFormat; output: string; knownAt?: string }) => {
        const knownAt = knownAtOf(o.knownAt);
        const report = await withRuntime((runtime) =>
          generateReport(runtime.readSide, termId, {
            format: o.format,
            townshipName: runtime.config.townshipName,
            generatedAt: runtime.clock(),
            knownAt,
          }),
        );
        writeFileSync(o.output, report.bytes);
        const { figures } = report.document.appendix;
        process.stdout.write(
          `已生成工作总结 ${o.output}：${figures.length} 个数字，均附事件来源 (wrote ${report.bytes.length} bytes, ${figures.length} figures with their evidence)\n`,
        );
        return EXIT.ok;
      }),
    );
};
