import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '@sunshine/application';
import { createApp } from '../../apps/api/src/create-app';
import { openServerRuntime } from '../../apps/api/src/server-runtime';
import { timed } from '../harness/measure';
import { benchConfig } from './ledger.stage';

/** `npm start` in a child process: the server the HTTP scenarios load, on loopback only. */

let running: { app: INestApplication; runtime: Runtime } | undefined;

export const start = async (input: { dataDir: string }) => {
  if (running) throw new Error('a server is already running in this process');
  const open = await timed(async () => {
    const runtime = await openServerRuntime(benchConfig(input.dataDir));
    const app = await createApp(runtime, { logger: false });
    await app.listen(0, '127.0.0.1');
    return { runtime, app };
  });
  running = open.result;
  const address = running.app.getHttpServer().address() as AddressInfo;
  return { port: address.port, openSeconds: open.seconds, position: running.runtime.runner.position() ?? null };
};

export const stop = async () => {
  if (!running) return {};
  const { app, runtime } = running;
  running = undefined;
  await app.close();
  await runtime.close();
  return {};
};

/** The server process's CPU time so far (user + system), to divide by the requests it answered. */
export const cpu = () => {
  const used = process.cpuUsage();
  return { micros: used.user + used.system };
};
