import { Controller, Get, Header, Inject, Query, StreamableFile, UsePipes } from '@nestjs/common';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { IntegrityService } from '@sunshine/application';
import { EventStore } from '@sunshine/event-store';
import { NotFound } from '@sunshine/domain';
import { Access } from '../auth/access.decorator';
import { queryValidationPipe } from '../problems/validation.pipe';
import { CLOCK, EVENT_STORE } from '../runtime.tokens';
import { exportBundle } from './export-bundle';

class InclusionQuery {
  @IsString() @MinLength(1) eventId!: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) treeSize?: number;
}

class VerifyQuery {
  /** Also re-canonicalise every parsed event and prove its stored bytes are that form. */
  @IsOptional() @IsIn(['true', 'false']) strict?: string;
}

class ConsistencyQuery {
  @Type(() => Number) @IsInt() @Min(1) from!: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) to?: number;
}

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/v1/integrity')
@UsePipes(queryValidationPipe)
export class IntegrityController {
  constructor(
    private readonly integrity: IntegrityService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('verify')
  @Access('audit')
  @ApiOperation({
    summary:
      'Re-hash every stored event, follow every chain, check every signed checkpoint; name the first failure. strict=true also re-canonicalises every event.',
  })
  async verify(@Query() query: VerifyQuery) {
    const report = await this.integrity.verify({ strict: query.strict === 'true' });
    if (!report.ok) {
      const { stream, revision, position, reason, detail, index } = report.firstFailure;
      return {
        ok: false,
        events: report.events,
        firstFailure: { stream, revision, position, reason, detail, leafIndex: index },
      };
    }
    const latest = this.integrity.latest();
    return {
      ok: true,
      events: report.events,
      root: report.root,
      checkpoint: report.checkpoint
        ? {
            treeSize: report.checkpoint.treeSize,
            rootHex: report.checkpoint.rootHex,
            note: latest?.treeSize === report.checkpoint.treeSize ? latest.note : undefined,
          }
        : null,
      eventsAfterCheckpoint: report.eventsAfterCheckpoint,
    };
  }

  @Get('export')
  @Access('audit')
  @ApiOperation({
    summary:
      'Seal a fresh checkpoint and answer the log with its checkpoints as an offline bundle (NDJSON), what `sunshine export --url` saves',
  })
  async export(): Promise<StreamableFile> {
    // Written aside first (the bundle writer streams to a file), then sent and removed.
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-export-'));
    const file = join(dir, 'bundle.ndjson');
    try {
      const exported = await exportBundle(this.events, this.integrity, file, { exportedAt: this.clock() });
      if (!exported)
        throw new NotFound('NO_EVENTS', { zh: '日志为空，无可导出', en: 'the log is empty: nothing to export' });
      const stream = createReadStream(file);
      stream.once('close', () => rmSync(dir, { recursive: true, force: true }));
      return new StreamableFile(stream, {
        type: 'application/x-ndjson; charset=utf-8',
        disposition: `attachment; filename="sunshine-bundle-${exported.events}.ndjson"`,
      });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  @Get('checkpoints/latest')
  @Access('audit')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The latest signed checkpoint, as its C2SP tlog-checkpoint note' })
  async latest() {
    await this.integrity.notify();
    const latest = this.integrity.latest() ?? (await this.integrity.seal());
    if (!latest)
      throw new NotFound('NO_CHECKPOINT', {
        zh: '日志为空，尚无签名检查点',
        en: 'the log is empty: no checkpoint yet',
      });
    return latest.note;
  }

  @Get('public-key')
  @Access('read')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOperation({ summary: 'The Ed25519 public key that signs checkpoints (SPKI PEM)' })
  publicKey() {
    return this.integrity.publicKeyPem;
  }

  @Get('proofs/inclusion')
  @Access('audit')
  @ApiOperation({ summary: 'An RFC 6962 inclusion proof of one event in a checkpointed tree' })
  inclusion(@Query() query: InclusionQuery) {
    return this.integrity.inclusion(query.eventId, query.treeSize);
  }

  @Get('proofs/consistency')
  @Access('audit')
  @ApiOperation({ summary: 'An RFC 6962 consistency proof between two tree sizes' })
  consistency(@Query() query: ConsistencyQuery) {
    return this.integrity.consistency(query.from, query.to);
  }
}
