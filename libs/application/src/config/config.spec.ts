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
    [{ SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS: '30' }, 'SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS'],
    [{ SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS: '60,30' }, 'SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS'],
    [{ SUNSHINE_WARN_PROJECT_STALLED_DAYS: '90,1.5' }, 'SUNSHINE_WARN_PROJECT_STALLED_DAYS'],
    [{ SUNSHINE_WARN_FINDING_UNRECTIFIED_DAYS: '60,90' }, 'SUNSHINE_WARN_FINDING_UNRECTIFIED_DAYS'],
    [{ SUNSHINE_WARN_ADMINISTRATION_EXPENSE_YUAN: '0,200000' }, 'SUNSHINE_WARN_ADMINISTRATION_EXPENSE_YUAN'],
    [{ SUNSHINE_WARN_CAPITAL_ARRIVAL: '365,10,30' }, 'SUNSHINE_WARN_CAPITAL_ARRIVAL'],
    [{ SUNSHINE_WARN_INDICATOR_BEHIND: '0,100,50' }, 'SUNSHINE_WARN_INDICATOR_BEHIND'],
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

  it('takes the warnings thresholds of DOMAIN.md unless told otherwise', () => {
    expect(loadConfig({}).warnings).toEqual({
      disputeOverdueDays: { yellow: 30, red: 60 },
      projectStalledDays: { yellow: 90, red: 180 },
      findingUnrectifiedDays: { yellow: 60, red: 90, seriousRed: 30 },
      administrationExpenseMinor: { yellow: 5_000_000, red: 20_000_000 },
      capitalArrival: { minAgeDays: 365, yellowBelowPercent: 30, redBelowPercent: 10 },
      indicatorBehind: { minElapsedPercent: 50, yellowBelowPercent: 100, redBelowPercent: 50 },
    });
    const configured = loadConfig({
      SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS: ' 15, 45 ',
      SUNSHINE_WARN_ADMINISTRATION_EXPENSE_YUAN: '20000,100000',
      SUNSHINE_WARN_CAPITAL_ARRIVAL: '180,50,20',
    }).warnings;
    expect(configured.disputeOverdueDays).toEqual({ yellow: 15, red: 45 });
    expect(configured.administrationExpenseMinor).toEqual({ yellow: 2_000_000, red: 10_000_000 });
    expect(configured.capitalArrival).toEqual({ minAgeDays: 180, yellowBelowPercent: 50, redBelowPercent: 20 });
  });
});
