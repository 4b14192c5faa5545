import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../problems/api-error';
import { sendProblem } from '../problems/send-problem';
import { Lifecycle } from './lifecycle';

const stopping = () =>
  new ApiError(503, 'SERVER_STOPPING', {
    zh: '服务器正在停止，请稍后重试',
    en: 'the server is stopping; try again shortly',
  });

/**
 * Counts the requests in flight, and once the server is stopping answers every new one 503
 * (the probes under /health/ answer for themselves), closing its connection.
 */
export const registerDraining = (fastify: FastifyInstance, lifecycle: Lifecycle): void => {
  fastify.addHook('onRequest', async (request, reply) => {
    if (lifecycle.stopping && !request.url.startsWith('/health/'))
      return sendProblem(request, reply, stopping(), { 'Retry-After': '5', Connection: 'close' });
    lifecycle.begin();
    // Done when the answer is sent or the connection is gone. (A response's own 'close' comes
    // early for an answer that streams while its request body is still arriving.)
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      lifecycle.end();
    };
    reply.raw.once('finish', end);
    request.raw.socket?.once('close', end);
  });
};

/**
 * SIGTERM: stop taking work (new requests 503, readiness 503), end the live streams (browsers
 * reconnect elsewhere), let the requests in flight finish (an import runs to its summary) for up
 * to `graceMs`, then close the server and the stores. Resolves when everything is closed.
 */
export const shutDown = async (
  app: INestApplication,
  lifecycle: Lifecycle,
  graceMs: number,
  closeStores: () => Promise<void>,
): Promise<void> => {
  lifecycle.stop();
  await Promise.race([lifecycle.idle(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  await app.close();
  await closeStores();
};
