import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  catalogueFor,
  COMMAND_DTOS,
  Config,
  ExecutedCommand,
  ImportResultLine,
  ImportSummary,
  ndjsonLines,
  validateCommand,
} from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { ApiError } from '../problems/api-error';
import { languageOf } from '../problems/problem';
import { ExecuteCommand } from './execute-command.handler';
import { ImportCommands } from './import-commands.handler';
import { CONFIG } from '../runtime.tokens';
import { takeOverBodyDeadline } from '../security';
import { Metrics } from '../operations/metrics';

@ApiTags('commands')
@ApiBearerAuth()
@Controller('api/v1/commands')
export class CommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CONFIG) private readonly config: Config,
    private readonly metrics: Metrics,
  ) {}

  @Get('catalogue')
  @Access('authenticated')
  @ApiOperation({
    summary: 'Every command the caller may send, as a form: title, group, fields with labels, inputs and rules',
  })
  catalogue(@CurrentActor() actor: Actor) {
    return catalogueFor(actor);
  }

  @Post()
  @HttpCode(201)
  @Access('authenticated')
  @ApiOperation({
    summary: 'Record one command',
    description: `Command types: ${[...COMMAND_DTOS.keys()].join(', ')}`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'commandId', 'data'],
      properties: {
        type: { type: 'string' },
        commandId: { type: 'string' },
        expectedRevision: { type: 'integer' },
        data: { type: 'object' },
      },
    },
  })
  @ApiResponse({ status: 201, description: '{ commandId, stream, revision, position, events: [{ eventId, type }] }' })
  async record(@Body() body: unknown, @CurrentActor() actor: Actor) {
    const envelope = this.validated(body);
    const executed = await this.commandBus.execute<ExecuteCommand, ExecutedCommand>(
      new ExecuteCommand(envelope, actor),
    );
    const { result, token } = executed;
    return {
      commandId: envelope.commandId,
      stream: result.stream,
      revision: result.revision,
      position: result.position,
      events: result.events.map((e) => ({ eventId: e.eventId, type: e.type })),
      ...(token ? { token } : {}),
    };
  }

  private validated(body: unknown) {
    try {
      return validateCommand(body);
    } catch (error) {
      this.metrics.command((body as { type?: unknown } | null)?.type, 'validation');
      throw error;
    }
  }

  @Post('import')
  // Only a role that records may send a file at all: refused before a byte of the body is read.
  @Access('record')
  @ApiOperation({
    summary: 'Import an NDJSON file of commands; streams one result line per input line, then a summary',
    description:
      'UTF-8 only (a byte order mark at the start is skipped). A line above 1 MiB answers a 413 result line for that line; a line that is not UTF-8 answers a 400 result line and stops the import.',
  })
  @ApiQuery({ name: 'onError', enum: ['stop', 'continue'], required: false })
  async import(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('onError') onError: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    if (onError !== undefined && onError !== 'stop' && onError !== 'continue')
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        { zh: 'onError 只能是 stop 或 continue', en: 'onError must be stop or continue' },
        [{ path: 'onError', zh: '只能是 stop 或 continue', en: 'must be stop or continue' }],
      );
    if (request.headers['content-type']?.split(';')[0].trim().toLowerCase() !== 'application/x-ndjson')
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', {
        zh: '请以 Content-Type: application/x-ndjson 上传',
        en: 'send the file as Content-Type: application/x-ndjson',
      });
    // The body is read here as it arrives, and the answer streams back on the raw response. A file
    // may take long to apply, so its reading is timed by its pauses, not as a whole.
    takeOverBodyDeadline(request);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const lines = ndjsonLines(request.raw, { idleTimeoutMs: this.config.http.bodyTimeoutMs });
    const results = await this.commandBus.execute<ImportCommands, AsyncIterable<ImportResultLine | ImportSummary>>(
      new ImportCommands(lines, actor, onError ?? 'stop', languageOf(request.headers['accept-language'])),
    );
    try {
      for await (const line of results) {
        if (response.destroyed) break;
        if (!response.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => response.once('drain', r));
      }
    } catch (error) {
      // A client that hung up mid-file is no error of the server's: what it sent so far stands.
      if (!request.raw.socket?.destroyed && !response.destroyed) throw error;
    }
    // Whatever of the file was not read (it stopped arriving, or the import stopped) is not waited for.
    if (!request.raw.complete) response.once('finish', () => request.raw.socket?.destroy());
    response.end();
  }
}
