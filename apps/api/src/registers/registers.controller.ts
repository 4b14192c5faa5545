import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeRegisters, RegisterDesk, UnreadableFile } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { ProjectionRunner } from '@sunshine/projections';
import { Access, CurrentActor } from '../auth/access.decorator';
import { ApiError } from '../problems/api-error';
import { languageOf } from '../problems/problem';

const choice = <T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T => {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const words = allowed.join(' 或 ');
  throw new ApiError(
    400,
    'VALIDATION_FAILED',
    { zh: `${name} 只能是 ${words}`, en: `${name} must be ${allowed.join(' or ')}` },
    [{ path: name, zh: `只能是 ${words}`, en: `must be ${allowed.join(' or ')}` }],
  );
};

/** A file that is no register answers 400 in Chinese, naming what is wrong with it. */
const unreadable = (error: unknown): never => {
  if (error instanceof UnreadableFile)
    throw new ApiError(400, 'REGISTER_UNREADABLE', error.reason, [{ path: 'file', ...error.reason }]);
  throw error;
};

const bodyOf = (request: FastifyRequest): Buffer => {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw new ApiError(
      400,
      'REGISTER_UNREADABLE',
      { zh: '请上传台账文件（.xlsx 或 .csv）', en: 'send the register file as the body' },
      [{ path: 'file', zh: '文件为空', en: 'is empty' }],
    );
  return request.body;
};

/** Registers (台账): Excel and CSV files whose rows are commands of the ledger. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/registers')
export class RegistersController {
  constructor(
    private readonly desk: RegisterDesk,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Access('authenticated')
  @ApiOperation({ summary: 'Every register: its kind, title, command and columns (header, data path, type, required)' })
  list() {
    return describeRegisters();
  }

  @Get(':kind/template')
  @Access('authenticated')
  @ApiQuery({ name: 'format', enum: ['xlsx', 'csv'], required: false })
  @ApiOperation({ summary: 'A template to fill in: the headers in the first row, an example and the rules beside' })
  async template(@Param('kind') kind: string, @Query('format') format: string | undefined, @Res() reply: FastifyReply) {
    const file = await this.desk.template(kind, choice('format', format, ['xlsx', 'csv'] as const, 'xlsx'));
    const ascii = `${kind}.${file.filename.split('.').at(-1)}`;
    await reply
      .header('Content-Type', file.contentType)
      .header(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .send(file.body);
  }

  @Post(':kind/preview')
  @HttpCode(200)
  @Access('record')
  @ApiOperation({
    summary: 'Checks every row as the ledger would decide it, records nothing: { rows, valid, invalid }',
  })
  async preview(@Param('kind') kind: string, @Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    this.desk.register(kind, actor);
    return this.desk
      .preview({
        kind,
        actor,
        file: bodyOf(request),
        contentType: request.headers['content-type'],
        language: languageOf(request.headers['accept-language']),
      })
      .catch(unreadable);
  }

  @Post(':kind/import')
  @Access('record')
  @ApiQuery({ name: 'onError', enum: ['stop', 'continue'], required: false })
  @ApiOperation({
    summary: 'Records each row as a command, in sheet order; streams one NDJSON result per row, then a summary',
  })
  async import(
    @Param('kind') kind: string,
    @Query('onError') onError: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ) {
    const mode = choice('onError', onError, ['stop', 'continue'] as const, 'stop');
    this.desk.register(kind, actor);
    const upload = {
      kind,
      actor,
      file: bodyOf(request),
      contentType: request.headers['content-type'],
      language: languageOf(request.headers['accept-language']),
    };
    const results = this.desk.import(upload, mode);
    // The file is read and its columns placed before the answer begins, so a bad file is still a 400.
    const first = await results.next().catch(unreadable);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    let last: string | undefined;
    for (let next = first; !next.done; next = await results.next()) {
      const line = next.value;
      if ('ok' in line && line.ok) last = line.position;
      // The summary comes once the read models include every recorded row (read-your-writes).
      if ('summary' in line && last !== undefined) await this.runner.waitFor(last, 60_000).catch(() => undefined);
      if (!response.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => response.once('drain', r));
    }
    response.end();
  }
}
