import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '@sunshine/application';
import { ApiError, unauthorized } from '../problems/api-error';
import { Metrics } from './metrics';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * A scraper on the machine itself needs no token; from anywhere else only the admin's token
 * opens the metrics. A request a proxy forwarded is never taken for a local one, even when the
 * proxy itself runs on the machine.
 */
const fromThisMachine = (request: FastifyRequest): boolean =>
  LOOPBACK.test(request.ip) &&
  request.headers['x-forwarded-for'] === undefined &&
  request.headers.forwarded === undefined;

const adminOnly = () =>
  new ApiError(403, 'FORBIDDEN_ROLE', {
    zh: '运行指标仅对本机或管理员开放',
    en: 'metrics are open to this machine or an admin only',
  });

@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly authenticator: Authenticator,
  ) {}

  /** Prometheus text format; see Metrics for what it holds. */
  @Get('metrics')
  @ApiExcludeEndpoint()
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!fromThisMachine(request)) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      const actor = match ? await this.authenticator.authenticate(match[1]) : undefined;
      if (!actor) throw unauthorized();
      if (actor.role !== 'admin') throw adminOnly();
    }
    reply.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
