import { isAbsolute, join, resolve } from 'node:path';
import { WarningThresholds } from '@sunshine/projections';
import { loadWarningThresholds } from './warning-thresholds';
import { ConfigError } from './config-error';
import { HttpSettings, loadHttpSettings } from './http-settings';

export { ConfigError };

export interface Config {
  port: number;
  dataDir: string;
  eventStore: 'sqlite' | 'kurrentdb';
  kurrentdbConnectionString?: string;
  readStore: 'sqlite' | 'mongodb';
  mongodbUri?: string;
  adminToken?: string;
  townshipName: string;
  signingKeyPath: string;
  /** Where each warning rule raises yellow and red (SUNSHINE_WARN_*). */
  warnings: WarningThresholds;
  http: HttpSettings;
}

const oneOf = <T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new ConfigError('PORT', `must be a port number from 0 to 65535, not "${portText}"`);
  const dataDir = resolve(env.SUNSHINE_DATA_DIR || './data');
  const eventStore = oneOf(env, 'SUNSHINE_EVENT_STORE', ['sqlite', 'kurrentdb'] as const, 'sqlite');
  const readStore = oneOf(env, 'SUNSHINE_READ_STORE', ['sqlite', 'mongodb'] as const, 'sqlite');
  const kurrentdbConnectionString = env.KURRENTDB_CONNECTION_STRING || undefined;
  const mongodbUri = env.MONGODB_URI || undefined;
  if (eventStore === 'kurrentdb' && !kurrentdbConnectionString)
    throw new ConfigError(
      'KURRENTDB_CONNECTION_STRING',
      'is required when SUNSHINE_EVENT_STORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)',
    );
  if (kurrentdbConnectionString && !/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//.test(kurrentdbConnectionString))
    throw new ConfigError('KURRENTDB_CONNECTION_STRING', 'must start with kurrentdb:// (or esdb://)');
  if (readStore === 'mongodb' && !mongodbUri)
    throw new ConfigError(
      'MONGODB_URI',
      'is required when SUNSHINE_READ_STORE=mongodb (e.g. mongodb://localhost:27017/sunshine)',
    );
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri))
    throw new ConfigError('MONGODB_URI', 'must start with mongodb:// or mongodb+srv://');
  const adminToken = env.SUNSHINE_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16)
    throw new ConfigError('SUNSHINE_ADMIN_TOKEN', 'must be at least 16 characters long');
  const key = env.SUNSHINE_SIGNING_KEY || join(dataDir, 'signing-key.pem');
  return {
    port,
    dataDir,
    eventStore,
    kurrentdbConnectionString,
    readStore,
    mongodbUri,
    adminToken,
    townshipName: env.SUNSHINE_TOWNSHIP_NAME || '示范镇',
    signingKeyPath: isAbsolute(key) ? key : resolve(key),
    warnings: loadWarningThresholds(env),
    http: loadHttpSettings(env),
  };
};
