import { Controller, Get, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordIndex, RecordPages } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { ReadModelsGate } from '../queries/read-models.gate';
import { RecordQuery, RecordsQuery } from './records.dto';

/**
 * Records for lists, pickers and record pages (every role reads them; a clerk limited to villages
 * sees only its villages' records). A record inside another stream has a key with slashes
 * (`village-dongcun/entry/SR-7`): it may be sent as it is or URL-encoded.
 */
@ApiTags('records')
@ApiBearerAuth()
@Controller('api/v1/records')
@UsePipes(queryValidationPipe)
export class RecordsController {
  constructor(
    private readonly index: RecordIndex,
    private readonly pages: RecordPages,
    private readonly gate: ReadModelsGate,
  ) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Records of a kind (or all kinds), by village, term and words, paged; no personal data' })
  async list(@Query() query: RecordsQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    const { minPosition: _, limit, ...filter } = query;
    return this.index.list({ ...filter, limit: limit ?? 50 }, actor);
  }

  @Get('*')
  @Access('read')
  @ApiParam({ name: 'key', description: 'the key a list gave: a stream, or e.g. village-dongcun/entry/SR-7' })
  @ApiOperation({ summary: "One record's page: state, history, and the corrections the caller may make now" })
  async page(@Param('*') key: string, @Query() query: RecordQuery, @CurrentActor() actor: Actor) {
    await this.gate.reach(query.minPosition);
    return this.pages.page(key, actor);
  }
}
