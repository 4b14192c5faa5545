import type { FastifyInstance } from 'fastify';
import { HttpSettings } from '@sunshine/application';
import { registerBodyDeadline } from './body-deadline';
import { registerRateLimits } from './rate-limits';
import { registerSecurityHeaders } from './security-headers';

export { contentSecurityPolicy } from './content-security-policy';
export { takeOverBodyDeadline } from './body-deadline';

/** What guards every request before a route sees it: headers, rate limits, the body's deadline. */
export const registerSecurity = (fastify: FastifyInstance, settings: HttpSettings): void => {
  registerSecurityHeaders(fastify);
  registerRateLimits(fastify, settings.rateLimits);
  registerBodyDeadline(fastify, settings.bodyTimeoutMs);
};
