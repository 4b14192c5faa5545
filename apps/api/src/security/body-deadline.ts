import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../problems/api-error';

const DEADLINE = Symbol('bodyDeadline');

type WithDeadline = IncomingMessage & { [DEADLINE]?: NodeJS.Timeout };

export const bodyTimedOut = () =>
  new ApiError(408, 'REQUEST_BODY_TIMEOUT', {
    zh: '请求体未能按时传完，连接已断开，请重试',
    en: 'the request body did not arrive in time; the connection is closed',
  });

const hasBody = (raw: IncomingMessage): boolean =>
  raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;

/**
 * A body must arrive within `timeoutMs` of the request's start, or the request fails with a 408
 * problem and the connection is closed: a client sending a byte now and then cannot hold the
 * server's connections. The failure goes through the body reader (an error on the request
 * stream, as a broken connection would), so what was half read is simply dropped. A route that
 * reads its body as a stream for as long as the work takes (an import) takes the deadline over
 * with `takeOverBodyDeadline` and applies its own, to pauses.
 */
export const registerBodyDeadline = (fastify: FastifyInstance, timeoutMs: number): void => {
  if (timeoutMs <= 0) return;
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as WithDeadline;
    if (!hasBody(raw)) return done();
    const timer = setTimeout(() => {
      if (raw.complete || raw.socket?.destroyed) return;
      // Nobody reads the body any more (the answer went out without it): the connection just ends.
      if (reply.raw.headersSent || raw.listenerCount('error') === 0) {
        raw.socket?.destroy();
        return;
      }
      raw.emit('error', Object.assign(bodyTimedOut(), { statusCode: 408 }));
      // Whatever the client still sends is not read: the answer closes the connection.
      raw.socket?.once('finish', () => raw.socket?.destroy());
    }, timeoutMs);
    timer.unref();
    raw[DEADLINE] = timer;
    const clear = () => clearTimeout(timer);
    raw.once('end', clear);
    raw.once('close', clear);
    raw.socket?.once('close', clear);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // An answer sent while the body is still coming in ends the connection after it.
    if (hasBody(request.raw) && !request.raw.complete) reply.header('Connection', 'close');
    done(null, payload);
  });
};

/** Stops the request's whole-body deadline: the route now times its own reading. */
export const takeOverBodyDeadline = (request: FastifyRequest): void => {
  clearTimeout((request.raw as WithDeadline)[DEADLINE]);
};
