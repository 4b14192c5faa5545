import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { HttpSettings } from '@sunshine/application';
import { ApiError } from '../problems/api-error';
import { sendProblem } from '../problems/send-problem';
import { readCookie } from '../auth/cookies';
import { SESSION_COOKIE } from '../auth/sessions';
import { TokenBuckets } from './token-buckets';

const tooMany = (seconds: number) =>
  new ApiError(429, 'RATE_LIMITED', {
    zh: `请求过于频繁，请 ${seconds} 秒后再试`,
    en: `too many requests; try again in ${seconds} s`,
  });

const tooManyFailures = (seconds: number) =>
  new ApiError(429, 'RATE_LIMITED_AUTHENTICATION', {
    zh: `该地址的无效令牌过多，请 ${seconds} 秒后再试`,
    en: `too many invalid tokens from this address; try again in ${seconds} s`,
  });

/** Whose request this is, by its credential: never the credential itself. */
const credentialOf = (request: FastifyRequest): string | undefined => {
  const authorization = request.headers.authorization;
  const credential =
    authorization !== undefined ? `bearer ${authorization}` : readCookie(request.headers.cookie, SESSION_COOKIE);
  return credential === undefined ? undefined : createHash('sha256').update(credential).digest('base64url');
};

/**
 * Limits per address and per token (`429` with `Retry-After`), checked before the body is read.
 * Invalid tokens are counted per address on their own, with a lower limit: guessing tokens is
 * slowed to a crawl while a valid user at the same address is limited only by the general limits
 * — until the failures run out, when that address waits too. Health probes are never limited.
 */
export const registerRateLimits = (fastify: FastifyInstance, limits: HttpSettings['rateLimits']): void => {
  const perAddress = limits.perAddress > 0 ? new TokenBuckets(limits.perAddress) : undefined;
  const perToken = limits.perToken > 0 ? new TokenBuckets(limits.perToken) : undefined;
  const failures = limits.authFailuresPerAddress > 0 ? new TokenBuckets(limits.authFailuresPerAddress) : undefined;
  if (!perAddress && !perToken && !failures) return;
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/health/')) return;
    const address = request.ip;
    const failed = failures?.wait(address) ?? 0;
    if (failed > 0) return sendProblem(request, reply, tooManyFailures(failed), { 'Retry-After': String(failed) });
    const credential = perToken ? credentialOf(request) : undefined;
    const wait = perAddress?.take(address) || (credential !== undefined && perToken?.take(credential)) || 0;
    if (wait > 0) return sendProblem(request, reply, tooMany(wait), { 'Retry-After': String(wait) });
  });
  if (failures)
    fastify.addHook('onResponse', (request, reply, done) => {
      if (reply.statusCode === 401) failures.take(request.ip);
      done();
    });
};
