import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem.filter';

/**
 * Answers a problem from a Fastify hook (rate limits, timeouts, shutting down), where Nest's
 * exception filter does not run: the same RFC 9457 body the filter sends.
 */
export const sendProblem = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  headers: Record<string, string> = {},
): FastifyReply => {
  const problem = toProblem(error, request.headers['accept-language']);
  return reply
    .status(problem.status)
    .headers(headers)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, instance: request.url.split('?')[0] }));
};
