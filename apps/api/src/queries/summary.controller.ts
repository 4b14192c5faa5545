import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadSide } from '@sunshine/application';
import { NotFound } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from './read-models.gate';
import { EvidenceQuery, SummaryQuery } from './summary.dto';
import { xlsxDownload } from '../exports/download';
import { evidenceSheets } from '../exports/evidence-sheet';
import { READ_STORE } from '../runtime.tokens';
import { ProjectionStore, RecordNames } from '@sunshine/projections';

const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class SummaryController {
  constructor(
    private readonly readSide: ReadSide,
    private readonly gate: ReadModelsGate,
    @Inject(READ_STORE) private readonly reads: ProjectionStore,
  ) {}

  @Get('terms/:termId/summary')
  @Access('read')
  @ApiOperation({ summary: 'The term summary; knownAt replays the log as recorded up to that instant' })
  async summary(@Param('termId') termId: string, @Query() query: SummaryQuery) {
    await this.gate.reach(query.minPosition);
    return this.readSide.termSummary(termId, iso(query.knownAt));
  }

  @Get('terms/:termId/summary/evidence')
  @Access('audit')
  @ApiOperation({
    summary: 'The events behind one figure, e.g. figure=investment.bands.atLeast100mCny; format=xlsx for Excel',
  })
  async evidence(@Param('termId') termId: string, @Query() query: EvidenceQuery) {
    await this.gate.reach(query.minPosition);
    const evidence = await this.readSide.evidence(termId, query.figure, iso(query.knownAt));
    if (!evidence)
      throw new NotFound(
        'FIGURE_NOT_FOUND',
        { zh: `总结中没有数字「${query.figure}」`, en: `the summary has no figure ${query.figure}` },
        'figure',
      );
    if (query.format !== 'xlsx') return evidence;
    const summary = await this.readSide.termSummary(termId, iso(query.knownAt));
    const sheets = await evidenceSheets(evidence, summary, new RecordNames(this.reads));
    return xlsxDownload(sheets, `evidence-${termId}`, `${summary.name}数字依据-${query.figure}`);
  }
}
