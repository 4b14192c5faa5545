import { isIP } from 'node:net';
import { ConfigError } from './config-error';

/** How the HTTP server guards itself and runs; every value has a default fit for a township's server. */
export interface HttpSettings {
  /** Which proxies' X-Forwarded-* headers are believed (Fastify `trustProxy`): off, all, a hop count, or addresses. */
  trustProxy: boolean | number | string[];
  /** A request body must have arrived this long after the request began (an import: no pause this long). */
  bodyTimeoutMs: number;
  /** Requests a minute; 0 turns a limit off. */
  rateLimits: { perAddress: number; perToken: number; authFailuresPerAddress: number };
  /** On SIGTERM, how long requests in flight may take before the server stops anyway. */
  shutdownGraceMs: number;
  /** Ready while the read models have been level with the log within this long. */
  readyMaxLagMs: number;
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const count = (env: NodeJS.ProcessEnv, name: string, fallback: number, what: string): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new ConfigError(name, `must be ${what} (a whole number, 0 or more), not "${text}"`);
  return Number(text);
};

const trustProxyOf = (text: string | undefined): HttpSettings['trustProxy'] => {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const addresses = text.split(',').map((part) => part.trim());
  const valid = addresses.every((part) => {
    const [address, bits, ...rest] = part.split('/');
    return rest.length === 0 && isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
  });
  if (!valid)
    throw new ConfigError(
      'SUNSHINE_TRUST_PROXY',
      `must be true, false, a number of proxies, or addresses/CIDRs separated by commas, not "${text}"`,
    );
  return addresses;
};

export const loadHttpSettings = (env: NodeJS.ProcessEnv): HttpSettings => {
  const logLevel = env.SUNSHINE_LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ConfigError('SUNSHINE_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  return {
    trustProxy: trustProxyOf(env.SUNSHINE_TRUST_PROXY),
    bodyTimeoutMs: count(env, 'SUNSHINE_BODY_TIMEOUT_MS', 30_000, 'milliseconds'),
    rateLimits: {
      perAddress: count(env, 'SUNSHINE_RATE_LIMIT_PER_ADDRESS', 2400, 'requests a minute'),
      perToken: count(env, 'SUNSHINE_RATE_LIMIT_PER_TOKEN', 1200, 'requests a minute'),
      authFailuresPerAddress: count(env, 'SUNSHINE_AUTH_FAILURES_PER_ADDRESS', 30, 'failed sign-ins a minute'),
    },
    shutdownGraceMs: count(env, 'SUNSHINE_SHUTDOWN_GRACE_MS', 25_000, 'milliseconds'),
    readyMaxLagMs: count(env, 'SUNSHINE_READY_MAX_LAG_MS', 5_000, 'milliseconds'),
    logLevel: logLevel as LogLevel,
  };
};
