import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { EventsQuery, StreamQuery } from './audit-trail.dto';
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
  ) {}

  @Get('streams/:stream')
  @Access('audit')
  @ApiOperation({ summary: "A stream's events with metadata, hashes and integrity status (auditor, admin)" })
  async stream(@Param('stream') stream: string, @Query() query: StreamQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    return this.trail.stream(
      stream,
      { from: query.from, limit: query.limit ?? 100 },
      actor,
      query.reveal ? { reason: query.reason ?? '' } : undefined,
    );
  }

  @Get('events')
  @Access('audit')
  @ApiOperation({ summary: 'The global log, paged, filtered by type, actor and recording time' })
  async events(@Query() query: EventsQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    return this.trail.log(
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
  }
}
