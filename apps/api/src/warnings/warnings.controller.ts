import { Controller, Get, Inject, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Warnings } from '@sunshine/application';
import { wordFor } from '@sunshine/domain';
import { ProjectionStore, RecordNames } from '@sunshine/projections';
import { formatDate } from '@sunshine/reports';
import { Access } from '../auth/access.decorator';
import { xlsxDownload } from '../exports/download';
import { queryValidationPipe } from '../problems/validation.pipe';
import { READ_STORE } from '../runtime.tokens';
import { ReadModelsGate } from '../queries/read-models.gate';
import { warningAnswer, warningsSheet } from './warning-answer';
import { WarningsQuery } from './warnings.dto';

@ApiTags('warnings')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class WarningsController {
  constructor(
    private readonly warnings: Warnings,
    @Inject(READ_STORE) private readonly reads: ProjectionStore,
    private readonly gate: ReadModelsGate,
  ) {}

  @Get('warnings')
  @Access('read')
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary: 'Warnings (三色预警) as of a date: red first, then by the day their level began; format=xlsx for Excel',
    description:
      'Each `{ warningId, rule, level, stream, villageId, raisedOn, detail, status, handling }`; `detail` names the ' +
      'record and the figures that raised it, in Chinese. Filters: level=red|yellow, status=open|handled, villageId.',
  })
  async list(@Query() query: WarningsQuery) {
    await this.gate.reach(query.minPosition);
    const asOf = query.asOf ?? this.warnings.today();
    const names = new RecordNames(this.reads);
    const chosen = (await this.warnings.asOf(asOf)).filter(
      (w) =>
        (query.level === undefined || w.level === query.level) &&
        (query.status === undefined || w.status === query.status) &&
        (query.villageId === undefined || w.villageId === query.villageId),
    );
    const answers = [];
    for (const warning of chosen) answers.push(await warningAnswer(warning, names));
    if (query.format !== 'xlsx') return answers;
    const filters = [
      query.level && wordFor('warningLevel', query.level),
      query.status && wordFor('warningStatus', query.status),
      query.villageId && ((await names.village(query.villageId)) ?? query.villageId),
    ].filter(Boolean);
    const notes: [string, string][] = [
      ['截至日期', formatDate(asOf)],
      ['筛选条件', filters.join('、') || '全部预警'],
      ['预警条数', String(answers.length)],
    ];
    return xlsxDownload(
      { sheets: [await warningsSheet(answers, names)], notes },
      `warnings-${asOf}`,
      `预警清单-${asOf}`,
    );
  }
}
