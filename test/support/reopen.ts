import { rmSync } from 'node:fs';
import request from 'supertest';
import { loadConfig } from '@sunshine/application';
import { createApp } from '../../apps/api/src/create-app';
import { openServerRuntime } from '../../apps/api/src/server-runtime';
import { ADMIN_TOKEN, TestApp } from './test-app';

export interface ReopenableApp extends TestApp {
  /** Closes the app and its stores as a shutdown would, keeping the data directory. */
  stop: () => Promise<void>;
}

/**
 * The real application on an existing data directory, as a restart would open it (startTestApp
 * always starts on a fresh one). `close` removes the directory, `stop` keeps it for the next start.
 */
export const openTestApp = async (
  dataDir: string,
  options: { clock?: () => Date; env?: Record<string, string> } = {},
): Promise<ReopenableApp> => {
  const config = loadConfig({ SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN, ...options.env });
  const runtime = await openServerRuntime(config, { clock: options.clock });
  const app = await createApp(runtime, { logger: false });
  await app.init();
  const server = app.getHttpServer();
  const stop = async () => {
    await app.close();
    await runtime.close();
  };
  return {
    app,
    runtime,
    dataDir,
    http: request(server),
    command: (envelope, token = ADMIN_TOKEN, headers = {}) =>
      request(server).post('/api/v1/commands').set('Authorization', `Bearer ${token}`).set(headers).send(envelope),
    get: (path, token = ADMIN_TOKEN) => request(server).get(path).set('Authorization', `Bearer ${token}`),
    stop,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Stops a running test app without removing its data directory, so that it can be opened again. */
export const stopKeepingData = async (t: TestApp): Promise<void> => {
  await t.app.close();
  await t.runtime.close();
};
