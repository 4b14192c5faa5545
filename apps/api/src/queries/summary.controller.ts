import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadSide, TownshipReads } from '@sunshine/application';
import { NotFound } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from './read-models.gate';
import { EvidenceQuery, FigureQuery, SummaryQuery } from './summary.dto';
import { xlsxDownload } from '../exports/download';
import { evidenceSheets } from '../exports/evidence-sheet';
import { READ_STORE } from '../runtime.tokens';
import { ProjectionStore, RecordNames } from '@sunshine/projections';

const figureNotFound = (figure: string) =>
  new NotFound(
    'FIGURE_NOT_FOUND',
    { zh: `总结中没有数字「${figure}」`, en: `the summary has no figure ${figure}` },
    'figure',
  );

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
    private readonly township: TownshipReads,
  ) {}

  @Get('terms/:termId/overview')
  @Access('read')
  @ApiOperation({
    summary: "The supervisors' overview of a term: its summary, charts, open warnings and latest records",
    description:
      "Charts split the summary's own figures (their bars add up to it): investment by year and by sector (per " +
      'currency, minor units), projects by status, disputes by month and by case type with the mediation rate, ' +
      "villages' receipts and expenditures. `latest`: the 20 newest events of the term's records, named in Chinese.",
  })
  async overview(@Param('termId') termId: string, @Query() query: SummaryQuery) {
    await this.gate.reach(query.minPosition);
    return this.township.overview(termId);
  }

  @Get('terms/:termId/summary/records')
  @Access('read')
  @ApiOperation({
    summary: 'The records behind one figure (click-through), without personal data, e.g. figure=investment.signings',
  })
  async records(@Param('termId') termId: string, @Query() query: FigureQuery) {
    await this.gate.reach(query.minPosition);
    const records = await this.township.figureRecords(termId, query.figure);
    if (!records) throw figureNotFound(query.figure);
    return records;
  }

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
    if (!evidence) throw figureNotFound(query.figure);
    if (query.format !== 'xlsx') return evidence;
    const summary = await this.readSide.termSummary(termId, iso(query.knownAt));
    const sheets = await evidenceSheets(evidence, summary, new RecordNames(this.reads));
    return xlsxDownload(sheets, `evidence-${termId}`, `${summary.name}数字依据-${query.figure}`);
  }
}
