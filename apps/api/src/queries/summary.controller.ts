import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ledger } from '@sunshine/application';
import { NotFound } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { LEDGER } from '../ledger.token';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from './read-models.gate';
import { EvidenceQuery, LedgerQuery, SummaryQuery } from './summary.dto';

const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class SummaryController {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    private readonly gate: ReadModelsGate,
  ) {}

  @Get('terms/:termId/summary')
  @Access('read')
  @ApiOperation({ summary: 'The term summary; knownAt replays the log as recorded up to that instant' })
  async summary(@Param('termId') termId: string, @Query() query: SummaryQuery) {
    await this.gate.reach(query.minPosition);
    return this.ledger.readSide.termSummary(termId, iso(query.knownAt));
  }

  @Get('terms/:termId/summary/evidence')
  @Access('audit')
  @ApiOperation({ summary: 'The events behind one figure, e.g. figure=investment.bands.atLeast100mCny' })
  async evidence(@Param('termId') termId: string, @Query() query: EvidenceQuery) {
    await this.gate.reach(query.minPosition);
    const evidence = await this.ledger.readSide.evidence(termId, query.figure, iso(query.knownAt));
    if (!evidence)
      throw new NotFound(
        'FIGURE_NOT_FOUND',
        { zh: `总结中没有数字「${query.figure}」`, en: `the summary has no figure ${query.figure}` },
        'figure',
      );
    return evidence;
  }

  @Get('villages/:villageId/ledger')
  @Access('read')
  @ApiOperation({
    summary: "A village's cash balance, entries and debts as of a business date, as known at an instant",
  })
  async ledgerOf(@Param('villageId') villageId: string, @Query() query: LedgerQuery) {
    await this.gate.reach(query.minPosition);
    return this.ledger.readSide.ledger(villageId, { asOf: query.asOf, knownAt: iso(query.knownAt) });
  }
}
