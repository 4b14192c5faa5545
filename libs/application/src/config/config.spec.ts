import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded stores under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, eventStore: 'sqlite', readStore: 'sqlite', townshipName: '示范镇' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.signingKeyPath).toBe(`${config.dataDir}/signing-key.pem`);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SUNSHINE_EVENT_STORE: 'postgres' }, 'SUNSHINE_EVENT_STORE'],
    [{ SUNSHINE_EVENT_STORE: 'kurrentdb' }, 'KURRENTDB_CONNECTION_STRING'],
    [{ SUNSHINE_READ_STORE: 'mongodb' }, 'MONGODB_URI'],
    [{ SUNSHINE_READ_STORE: 'mongodb', MONGODB_URI: 'http://x' }, 'MONGODB_URI'],
    [{ SUNSHINE_ADMIN_TOKEN: 'short' }, 'SUNSHINE_ADMIN_TOKEN'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });
});
