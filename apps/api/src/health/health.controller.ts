import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Config } from '@sunshine/application';
import { EventStore } from '@sunshine/event-store';
import { ProjectionRunner } from '@sunshine/projections';
import { Lifecycle } from '../operations/lifecycle';
import { languageOf } from '../problems/problem';
import { CONFIG, EVENT_STORE } from '../runtime.tokens';

type Readiness = 'ready' | 'catching-up' | 'failing' | 'stopping' | 'unavailable';

const DETAILS: Record<Readiness, { zh: string; en: string }> = {
  ready: {
    zh: '就绪：存储可访问，读模型与日志同步',
    en: 'ready: the stores answer and the read models follow the log',
  },
  'catching-up': {
    zh: '读模型正在追赶日志，暂不接收流量',
    en: 'the read models are catching up with the log; not taking traffic yet',
  },
  failing: { zh: '读模型更新失败，正在重试', en: 'updating the read models fails; retrying' },
  stopping: { zh: '服务器正在停止', en: 'the server is stopping' },
  unavailable: { zh: '事件存储无法访问', en: 'the event store does not answer' },
};

/**
 * Probes for an orchestrator. Ready means: the stores answer, the server is not stopping, and
 * the read models have been level with the log within SUNSHINE_READY_MAX_LAG_MS: the few
 * milliseconds they trail every append never take the server out of rotation, a backlog that
 * grows (or a start-up catch-up) does. Each answer is a JSON status of its own, 200 or 503.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CONFIG) private readonly config: Config,
    private readonly runner: ProjectionRunner,
    private readonly lifecycle: Lifecycle,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: 200 { status: "ready", … } or 503 with status catching-up | failing | stopping | unavailable',
  })
  async ready(@Headers('accept-language') acceptLanguage: string | undefined, @Res() reply: FastifyReply) {
    const language = languageOf(acceptLanguage);
    let status: Readiness;
    let log: string | null = null;
    let lagMs: number | null = null;
    try {
      log = (await this.events.headPosition()) ?? null;
      lagMs = (await this.runner.lagMs()) ?? null;
      status = this.lifecycle.stopping
        ? 'stopping'
        : this.runner.failing !== undefined
          ? 'failing'
          : lagMs !== null && lagMs <= this.config.http.readyMaxLagMs
            ? 'ready'
            : 'catching-up';
    } catch {
      status = 'unavailable';
    }
    reply
      .status(status === 'ready' ? 200 : 503)
      .type('application/json')
      .send({
        status,
        detail: DETAILS[status][language],
        log,
        readModels: this.runner.position() ?? null,
        lagMs,
      });
  }
}
