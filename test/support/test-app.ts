import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Runtime, loadConfig } from '@sunshine/application';
import { AppOptions, createApp } from '../../apps/api/src/create-app';
import { openServerRuntime } from '../../apps/api/src/server-runtime';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

export interface TestApp {
  app: INestApplication;
  runtime: Runtime;
  dataDir: string;
  http: ReturnType<typeof request>;
  /** POST /api/v1/commands as the admin (or with the given token). */
  command: (envelope: object, token?: string, headers?: Record<string, string>) => request.Test;
  get: (path: string, token?: string) => request.Test;
  close: () => Promise<void>;
}

let sequence = 0;
export const nextCommandId = (prefix = 'cmd') => `${prefix}-${process.pid}-${++sequence}`;

/** The real application on a fresh embedded data directory; the clock can be fixed. */
export const startTestApp = async (
  options: {
    clock?: () => Date;
    env?: Record<string, string>;
    dataDir?: string;
    /** Where the JSON log goes; none by default. */
    logger?: AppOptions['logger'];
  } = {},
): Promise<TestApp> => {
  // With a given data directory the app reopens it and leaves it in place when closed.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sunshine-e2e-'));
  const config = loadConfig({ SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN, ...options.env });
  const runtime = await openServerRuntime(config, { clock: options.clock });
  const app = await createApp(runtime, { logger: options.logger ?? false });
  await app.init();
  const http = request(app.getHttpServer());
  const server = app.getHttpServer();
  return {
    app,
    runtime,
    dataDir,
    http,
    command: (envelope, token = ADMIN_TOKEN, headers = {}) =>
      request(server).post('/api/v1/commands').set('Authorization', `Bearer ${token}`).set(headers).send(envelope),
    get: (path, token = ADMIN_TOKEN) => request(server).get(path).set('Authorization', `Bearer ${token}`),
    close: async () => {
      await app.close();
      await runtime.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
