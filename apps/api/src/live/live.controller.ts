import { Controller, Get, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { queryValidationPipe } from '../problems/validation.pipe';
import { LiveFeed } from './live-feed';
import { LiveQuery } from './live.dto';

@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(queryValidationPipe)
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Get('live')
  @Access('read')
  @ApiOperation({
    summary: 'Server-Sent Events: the term summary and each new event as it lands',
    description:
      'A browser authenticates with the session cookie of POST /api/v1/session (EventSource sends it; no token in the URL). ' +
      'Messages: `summary` (the term summary, or null while no term exists) on connect and, at most once a second, when its figures change; ' +
      '`activity` `{ position, type, stream, occurredOn, recordedAt, actor: { role } }` for each new event, never its data; ' +
      '`warnings` `{ red, yellow }`, the open warnings as of today, whenever they change (the overview has them at first). ' +
      'events of the `users` and `disclosures` streams and of data subjects (stream shown as `subject`) only to auditors and admins. ' +
      "Every message's `id` is a log position: reconnecting with `Last-Event-ID` replays the `activity` after it, then a fresh `summary`. " +
      'A comment line every 15 s keeps the connection open.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'resume after this log position (browsers send it when they reconnect)',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream' })
  async live(
    @Query() query: LiveQuery,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.feed.open(request, reply, query.termId);
  }
}
