import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsId, IsLocalDate, ReadSide, TownshipReads } from '@sunshine/application';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from '../queries/read-models.gate';
import { SummaryQuery } from '../queries/summary.dto';
import { LIST_FORMATS, ListFormat, xlsxDownload } from '../exports/download';
import { ledgerSheets } from '../exports/ledger-sheet';
import { READ_STORE } from '../runtime.tokens';
import { ProjectionStore, RecordNames } from '@sunshine/projections';

class VillageLedgerQuery extends SummaryQuery {
  @IsOptional() @IsLocalDate() asOf?: string;
  @IsOptional() @IsIn(LIST_FORMATS) format?: ListFormat;
}

class VillagesQuery {
  /** The term whose receipts and expenditures are shown; the current one by default. */
  @IsOptional() @IsId() termId?: string;
  @IsOptional() @IsString() minPosition?: string;
}

const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

/** What the township reads of its villages: each village's cash book (村级财务). */
@ApiTags('villages')
@ApiBearerAuth()
@Controller('api/v1/villages')
@UsePipes(queryValidationPipe)
export class VillagesController {
  constructor(
    private readonly readSide: ReadSide,
    private readonly gate: ReadModelsGate,
    @Inject(READ_STORE) private readonly reads: ProjectionStore,
    private readonly township: TownshipReads,
  ) {}

  @Get()
  @Access('read')
  @ApiOperation({
    summary:
      "Every village: balance, the term's receipts and expenditures, outstanding debts (存量/新增) and open warnings",
    description:
      'Answer `{ term, asOf, villages: [{ villageId, name, balance, receipts, expenditures, debts: { outstanding, ' +
      'beforeTerm, inTerm }, warnings: { red, yellow } }] }`. The current term by default (termId= for another); ' +
      "balances, debts and warnings are as of today, or the term's last day for a past term.",
  })
  async list(@Query() query: VillagesQuery) {
    await this.gate.reach(query.minPosition);
    return this.township.villages(query.termId);
  }

  @Get(':villageId/ledger')
  @Access('read')
  @ApiOperation({
    summary:
      "A village's cash balance, entries and debts as of a business date, as known at an instant; format=xlsx for Excel",
  })
  async ledger(@Param('villageId') villageId: string, @Query() query: VillageLedgerQuery) {
    await this.gate.reach(query.minPosition);
    const ledger = await this.readSide.ledger(villageId, { asOf: query.asOf, knownAt: iso(query.knownAt) });
    if (query.format !== 'xlsx') return ledger;
    const name = (await new RecordNames(this.reads).village(villageId)) ?? villageId;
    return xlsxDownload(
      ledgerSheets(ledger, name),
      `ledger-${villageId}-${ledger.asOf}`,
      `${name}现金日记账-${ledger.asOf}`,
    );
  }
}
