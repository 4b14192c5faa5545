import { Controller, Get, Inject, Param, Query, StreamableFile, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Config, ReadSide } from '@sunshine/application';
import { generateReport, REPORT_FORMATS, REPORT_MEDIA_TYPES, ReportFormat } from '@sunshine/reports';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from './read-models.gate';
import { SummaryQuery } from './summary.dto';
import { CLOCK, CONFIG } from '../runtime.tokens';

class ReportQuery extends SummaryQuery {
  @IsIn(REPORT_FORMATS) format!: ReportFormat;
}

/** RFC 6266 / 8187: an ASCII name for old clients and the UTF-8 name for the rest. */
const contentDisposition = (kind: 'inline' | 'attachment', asciiName: string, name: string) =>
  `${kind}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class ReportController {
  constructor(
    private readonly readSide: ReadSide,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: () => Date,
    private readonly gate: ReadModelsGate,
  ) {}

  @Get('terms/:termId/report')
  @Access('read')
  @ApiProduces(...Object.values(REPORT_MEDIA_TYPES))
  @ApiOperation({
    summary:
      'The term-end work summary (工作总结) in Chinese, every figure referenced to its events; format=markdown|html|docx',
  })
  async report(@Param('termId') termId: string, @Query() query: ReportQuery): Promise<StreamableFile> {
    await this.gate.reach(query.minPosition);
    const report = await generateReport(this.readSide, termId, {
      format: query.format,
      townshipName: this.config.townshipName,
      generatedAt: this.clock(),
      knownAt: query.knownAt === undefined ? undefined : new Date(query.knownAt).toISOString(),
    });
    // A page or text is shown where it is opened; a Word document is saved.
    return new StreamableFile(report.bytes, {
      type: report.mediaType,
      length: report.bytes.length,
      disposition: contentDisposition(
        query.format === 'docx' ? 'attachment' : 'inline',
        report.asciiFileName,
        report.fileName,
      ),
    });
  }
}
