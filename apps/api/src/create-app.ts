import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { Runtime, XLSX_TYPE } from '@sunshine/application';
import { AppModule } from './app.module';
import { registerSecurity } from './security';
import { registerJsonBodies } from './security/json-body';
import { JsonNestLogger, loggerOptions, requestIdOf } from './operations/logging';
import { Lifecycle } from './operations/lifecycle';
import { Metrics } from './operations/metrics';
import { registerDraining } from './operations/shutdown';

export interface AppOptions {
  /** false: no log at all (tests); else JSON lines to `stream` (default stdout) at the configured level. */
  logger?: false | { stream: NodeJS.WritableStream };
  /** Shared with whoever stops the server (main.ts on SIGTERM). */
  lifecycle?: Lifecycle;
}

const BODY_LIMIT_BYTES = 1024 * 1024;
/** A register (台账) of a whole term in Excel stays well under this; a larger upload is a 413. */
const REGISTER_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Builds the HTTP application on an opened runtime: the same for `npm start`, the CLI's serve and
 * e2e tests. Fastify rather than Express: the same routes cost a third of the CPU per request
 * (docs/PERFORMANCE.md), which is what bounds commands per second on a small machine.
 */
export const createApp = async (runtime: Runtime, options: AppOptions = {}): Promise<INestApplication> => {
  const settings = runtime.config.http;
  const lifecycle = options.lifecycle ?? new Lifecycle();
  // Behind a TLS-terminating proxy, `X-Forwarded-Proto: https` makes the session cookie Secure.
  // (Fastify takes a hop count too; Nest's option type leaves it out.)
  const trustProxy = settings.trustProxy as boolean | string[];
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy,
    logger: options.logger === false ? false : loggerOptions(settings.logLevel, options.logger?.stream),
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  });
  const parts = { lifecycle, metrics: new Metrics(runtime) };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime, parts), adapter, {
    logger: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  if (options.logger !== false) app.useLogger(new JsonNestLogger(fastify.log));
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('X-Request-Id', request.id);
    done();
  });
  registerSecurity(fastify, settings);
  registerDraining(fastify, lifecycle);
  registerJsonBodies(fastify, BODY_LIMIT_BYTES);
  // An NDJSON import is read as a stream by its handler, line by line, never buffered whole.
  fastify.addContentTypeParser('application/x-ndjson', (_request, _payload, done) => done(null));
  // A register file (xlsx or CSV) is read whole: a workbook is a zip, read from its end.
  fastify.addContentTypeParser(
    [XLSX_TYPE, 'text/csv'],
    { parseAs: 'buffer', bodyLimit: REGISTER_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  const openapi = new DocumentBuilder()
    .setTitle('Sunshine Ledger (阳光台账) API')
    .setDescription(
      `Township ${runtime.config.townshipName}: commands, summaries, ledgers, audit trail and integrity proofs.`,
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('sunshine_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  // Fastify takes its routes once it is ready; supertest and listen() both need that done.
  await app.init();
  await fastify.ready();
  return app;
};
