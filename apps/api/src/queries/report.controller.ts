import { Controller, Get, Inject, Param, Query, StreamableFile, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Config, IntegrityService, ReadSide } from '@sunshine/application';
import { ValidationFailed } from '@sunshine/domain';
import { GeneratedReport, generateProgressReport, generateReport, REPORT_MEDIA_TYPES } from '@sunshine/reports';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { CLOCK, CONFIG } from '../runtime.tokens';
import { integrityLogState } from './log-state';
import { ReadModelsGate } from './read-models.gate';
import { ProgressQuery, ReportQuery } from './report.dto';
import { contentDisposition } from '../exports/download';

/** A page, text or JSON is shown where it is opened; a Word document is saved. */
const asFile = (report: GeneratedReport, format: string) =>
  new StreamableFile(report.bytes, {
    type: report.mediaType,
    length: report.bytes.length,
    disposition: contentDisposition(format === 'docx' ? 'attachment' : 'inline', report.asciiFileName, report.fileName),
  });

const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class ReportController {
  constructor(
    private readonly readSide: ReadSide,
    private readonly integrity: IntegrityService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: () => Date,
    private readonly gate: ReadModelsGate,
  ) {}

  @Get('terms/:termId/report')
  @Access('read')
  @ApiProduces(REPORT_MEDIA_TYPES.markdown, REPORT_MEDIA_TYPES.html, REPORT_MEDIA_TYPES.docx)
  @ApiOperation({
    summary:
      'The term-end work summary (工作总结) in Chinese; format=markdown|html|docx; edition=clean (default: no note markers, provenance stamp on the last page) or evidence (numbered notes and the evidence appendix)',
  })
  async report(@Param('termId') termId: string, @Query() query: ReportQuery): Promise<StreamableFile> {
    await this.gate.reach(query.minPosition);
    const report = await generateReport(this.readSide, termId, {
      format: query.format,
      edition: query.edition ?? 'clean',
      townshipName: this.config.townshipName,
      generatedAt: this.clock(),
      knownAt: iso(query.knownAt),
      log: integrityLogState(this.integrity),
    });
    return asFile(report, query.format);
  }

  @Get('reports/progress')
  @Access('read')
  @ApiProduces(...Object.values(REPORT_MEDIA_TYPES))
  @ApiOperation({
    summary:
      'A progress report (进展情况报告) for any span, e.g. from=2025-01-01&to=2025-09-30: each figure beside the same span a year earlier (较去年同期), indicator periods inside the span beside the same period a year earlier, target completion; format=markdown|html|docx|json',
  })
  async progress(@Query() query: ProgressQuery): Promise<StreamableFile> {
    if (query.from > query.to)
      throw new ValidationFailed([
        { path: 'to', zh: `不能早于开始日期 from（${query.from}）`, en: `must not be before from (${query.from})` },
      ]);
    await this.gate.reach(query.minPosition);
    const report = await generateProgressReport(
      this.readSide,
      { from: query.from, to: query.to },
      {
        format: query.format,
        edition: query.edition ?? 'clean',
        townshipName: this.config.townshipName,
        generatedAt: this.clock(),
        knownAt: iso(query.knownAt),
        log: integrityLogState(this.integrity),
      },
    );
    return asFile(report, query.format);
  }
}
