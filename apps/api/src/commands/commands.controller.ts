import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createInterface } from 'node:readline';
import {
  catalogueFor,
  COMMAND_DTOS,
  ExecutedCommand,
  ImportResultLine,
  ImportSummary,
  validateCommand,
} from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { ApiError } from '../problems/api-error';
import { languageOf } from '../problems/problem';
import { ExecuteCommand } from './execute-command.handler';
import { ImportCommands } from './import-commands.handler';

@ApiTags('commands')
@ApiBearerAuth()
@Controller('api/v1/commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

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
    const envelope = validateCommand(body);
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

  @Post('import')
  @Access('authenticated')
  @ApiOperation({
    summary: 'Import an NDJSON file of commands; streams one result line per input line, then a summary',
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
    // The body is read here as it arrives, and the answer streams back on the raw response.
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const lines = createInterface({ input: request.raw, crlfDelay: Infinity });
    const results = await this.commandBus.execute<ImportCommands, AsyncIterable<ImportResultLine | ImportSummary>>(
      new ImportCommands(lines, actor, onError ?? 'stop', languageOf(request.headers['accept-language'])),
    );
    for await (const line of results) {
      if (!response.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => response.once('drain', r));
    }
    response.end();
  }
}
