import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded stores under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, eventStore: 'sqlite', readStore: 'sqlite', townshipName: '示范镇' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.signingKeyPath).toBe(`${config.dataDir}/signing-key.pem`);
  });

  it('guards the HTTP server by default: 30 s for a body, rate limits on, no proxy believed', () =>
    expect(loadConfig({}).http).toEqual({
      trustProxy: false,
      bodyTimeoutMs: 30_000,
      rateLimits: { perAddress: 2400, perToken: 1200, authFailuresPerAddress: 30 },
      shutdownGraceMs: 25_000,
      readyMaxLagMs: 5_000,
      logLevel: 'info',
    }));

  it.each([
    ['true', true],
    ['false', false],
    ['1', 1],
    ['10.0.0.1, 192.168.0.0/16,::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads SUNSHINE_TRUST_PROXY=%s', (text, trustProxy) =>
    expect(loadConfig({ SUNSHINE_TRUST_PROXY: text }).http.trustProxy).toEqual(trustProxy),
  );

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SUNSHINE_EVENT_STORE: 'postgres' }, 'SUNSHINE_EVENT_STORE'],
    [{ SUNSHINE_EVENT_STORE: 'kurrentdb' }, 'KURRENTDB_CONNECTION_STRING'],
    [{ SUNSHINE_READ_STORE: 'mongodb' }, 'MONGODB_URI'],
    [{ SUNSHINE_READ_STORE: 'mongodb', MONGODB_URI: 'http://x' }, 'MONGODB_URI'],
    [{ SUNSHINE_ADMIN_TOKEN: 'short' }, 'SUNSHINE_ADMIN_TOKEN'],
    [{ SUNSHINE_TRUST_PROXY: 'yes please' }, 'SUNSHINE_TRUST_PROXY'],
    [{ SUNSHINE_BODY_TIMEOUT_MS: '30s' }, 'SUNSHINE_BODY_TIMEOUT_MS'],
    [{ SUNSHINE_RATE_LIMIT_PER_TOKEN: '-1' }, 'SUNSHINE_RATE_LIMIT_PER_TOKEN'],
    [{ SUNSHINE_LOG_LEVEL: 'loud' }, 'SUNSHINE_LOG_LEVEL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });
});
