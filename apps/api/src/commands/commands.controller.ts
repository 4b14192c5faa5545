import { Body, Controller, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createInterface } from 'node:readline';
import { COMMAND_DTOS, importCommands, Ledger, validateCommand } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { Access, CurrentActor } from '../auth/access.decorator';
import { ApiError } from '../problems/api-error';
import { languageOf } from '../problems/problem';
import { ExecuteCommand } from './execute-command';
import { ExecutedCommand } from './execute-command.handler';
import { LEDGER } from '../ledger.token';

@ApiTags('commands')
@ApiBearerAuth()
@Controller('api/v1/commands')
export class CommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(LEDGER) private readonly ledger: Ledger,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('authenticated')
  @ApiOperation({ summary: 'Record one command', description: `Command types: ${Object.keys(COMMAND_DTOS).join(', ')}` })
  @ApiBody({ schema: { type: 'object', required: ['type', 'commandId', 'data'], properties: { type: { type: 'string' }, commandId: { type: 'string' }, expectedRevision: { type: 'integer' }, data: { type: 'object' } } } })
  @ApiResponse({ status: 201, description: '{ commandId, stream, revision, position, events: [{ eventId, type }] }' })
  async record(@Body() body: unknown, @CurrentActor() actor: Actor) {
    const envelope = validateCommand(body);
    const executed = await this.commandBus.execute<ExecuteCommand, ExecutedCommand>(new ExecuteCommand(envelope, actor));
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
  @ApiOperation({ summary: 'Import an NDJSON file of commands; streams one result line per input line, then a summary' })
  @ApiQuery({ name: 'onError', enum: ['stop', 'continue'], required: false })
  async import(@Req() request: Request, @Res() response: Response, @Query('onError') onError: string | undefined, @CurrentActor() actor: Actor) {
    if (onError !== undefined && onError !== 'stop' && onError !== 'continue')
      throw new ApiError(400, 'VALIDATION_FAILED', { zh: 'onError 只能是 stop 或 continue', en: 'onError must be stop or continue' }, [
        { path: 'onError', zh: '只能是 stop 或 continue', en: 'must be stop or continue' },
      ]);
    if (!request.is('application/x-ndjson'))
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', { zh: '请以 Content-Type: application/x-ndjson 上传', en: 'send the file as Content-Type: application/x-ndjson' });
    response.status(200).type('application/x-ndjson');
    const lines = createInterface({ input: request, crlfDelay: Infinity });
    const results = importCommands(lines, {
      onError: onError ?? 'stop',
      language: languageOf(request.headers['accept-language']),
      actor,
      execute: (envelope, who) => this.commandBus.execute(new ExecuteCommand(envelope, who, false)),
    });
    let last: string | undefined;
    for await (const line of results) {
      if ('ok' in line && line.ok) last = line.position;
      // The summary comes once the read models include every applied line.
      if ('summary' in line && last !== undefined) await this.ledger.runner.waitFor(last, 60_000).catch(() => undefined);
      if (!response.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => response.once('drain', r));
    }
    response.end();
  }
}
