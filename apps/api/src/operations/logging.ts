import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { LogLevel } from '@sunshine/application';

/** A request id a client or a proxy may hand in (X-Request-Id), when it is a plain token. */
const GIVEN_ID = /^[\w.:-]{1,64}$/;

/** The request id of each log line and of the `X-Request-Id` answer header: the proxy's, else a new one. */
export const requestIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
};

/**
 * pino's options for the server's JSON log lines. What a request line holds is chosen, not
 * filtered: the method, the path without its query (queries carry reasons for reading personal
 * data, actors' ids, dates of interest) and the status; never headers (tokens, cookies), bodies
 * or addresses. An error keeps its type, code and stack.
 */
export const loggerOptions = (level: LogLevel, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] => ({
  level,
  ...(stream ? { stream } : {}),
  serializers: {
    req: (request: { method?: string; url?: string }) => ({
      method: request.method,
      path: request.url?.split('?')[0],
    }),
    res: (reply: { statusCode?: number | string }) => ({ statusCode: reply.statusCode }),
    err: (error: Error & { code?: string }) => ({
      type: error.name,
      message: error.message,
      ...(error.code ? { code: error.code } : {}),
      stack: error.stack ?? String(error),
    }),
  },
});

/**
 * Nest's own messages (start-up, the problem filter, the live feed) as lines of the same JSON
 * log. Nest's route table at start-up is detail, not news: debug.
 */
export class JsonNestLogger implements LoggerService {
  constructor(private readonly sink: FastifyBaseLogger) {}

  log(message: unknown, context?: string): void {
    this.sink.debug({ context }, String(message));
  }
  error(message: unknown, stack?: string, context?: string): void {
    this.sink.error({ context, ...(stack ? { stack } : {}) }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.sink.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.sink.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.sink.trace({ context }, String(message));
  }
}
