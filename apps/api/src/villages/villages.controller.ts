import { Controller, Get, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate, ReadSide } from '@sunshine/application';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from '../queries/read-models.gate';
import { SummaryQuery } from '../queries/summary.dto';

class VillageLedgerQuery extends SummaryQuery {
  @IsOptional() @IsLocalDate() asOf?: string;
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
  ) {}

  @Get(':villageId/ledger')
  @Access('read')
  @ApiOperation({
    summary: "A village's cash balance, entries and debts as of a business date, as known at an instant",
  })
  async ledger(@Param('villageId') villageId: string, @Query() query: VillageLedgerQuery) {
    await this.gate.reach(query.minPosition);
    return this.readSide.ledger(villageId, { asOf: query.asOf, knownAt: iso(query.knownAt) });
  }
}
