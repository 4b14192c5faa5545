import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@sunshine/application';
import { Actor, wordFor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { EventsQuery, StreamQuery } from './audit-trail.dto';
import { xlsxDownload } from '../exports/download';
import { auditTrailSheets } from '../exports/audit-trail-sheet';
import { READ_STORE } from '../runtime.tokens';
import { ProjectionStore, RecordNames } from '@sunshine/projections';
import { ReadModelsGate } from './read-models.gate';

const toIso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

@ApiTags('audit trail')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class AuditTrailController {
  constructor(
    private readonly trail: AuditTrail,
    private readonly gate: ReadModelsGate,
    @Inject(READ_STORE) private readonly reads: ProjectionStore,
  ) {}

  @Get('streams/:stream')
  @Access('audit')
  @ApiOperation({ summary: "A stream's events with metadata, hashes and integrity status (auditor, admin)" })
  async stream(@Param('stream') stream: string, @Query() query: StreamQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    const page = await this.trail.stream(
      stream,
      { from: query.from, limit: query.limit ?? 100 },
      actor,
      query.reveal ? { reason: query.reason ?? '' } : undefined,
    );
    if (query.format !== 'xlsx') return page;
    const names = new RecordNames(this.reads);
    const notes: [string, string][] = [
      ['记录', await names.ofStream(stream)],
      ['记录流', stream],
      ['起始版本', String(page.from)],
      ['下一页起始版本', page.next === null ? '无（已到末尾）' : String(page.next)],
    ];
    return xlsxDownload(await auditTrailSheets(page.events, names, notes), `trail-${stream}`, `审计日志-${stream}`);
  }

  @Get('events')
  @Access('audit')
  @ApiOperation({ summary: 'The global log, paged, filtered by type, actor and recording time' })
  async events(@Query() query: EventsQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    const page = await this.trail.log(
      {
        after: query.after,
        limit: query.limit ?? 100,
        type: query.type,
        actor: query.actor,
        recordedFrom: toIso(query.recordedFrom),
        recordedTo: toIso(query.recordedTo),
      },
      actor,
      query.reveal ? { reason: query.reason ?? '' } : undefined,
    );
    if (query.format !== 'xlsx') return page;
    const filters: [string, string][] = [
      ['事件类型', query.type ? `${wordFor('eventType', query.type)}（${query.type}）` : '全部'],
      ['录入人', query.actor ?? '全部'],
      ['录入时间起', query.recordedFrom ?? '不限'],
      ['录入时间止', query.recordedTo ?? '不限'],
      ['下一页起始位置', page.next ?? '无（已到末尾）'],
    ];
    return xlsxDownload(
      await auditTrailSheets(page.events, new RecordNames(this.reads), filters),
      'audit-trail',
      '审计日志',
    );
  }
}
