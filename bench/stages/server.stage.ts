import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Ledger } from '@sunshine/application';
import { createApp } from '../../apps/api/src/create-app';
import { openServerLedger } from '../../apps/api/src/server-ledger';
import { timed } from '../harness/measure';
import { benchConfig } from './ledger.stage';

/** `npm start` in a child process: the server the HTTP scenarios load, on loopback only. */

let running: { app: INestApplication; ledger: Ledger } | undefined;

export const start = async (input: { dataDir: string }) => {
  if (running) throw new Error('a server is already running in this process');
  const open = await timed(async () => {
    const ledger = await openServerLedger(benchConfig(input.dataDir));
    const app = await createApp(ledger, { logger: false });
    await app.listen(0, '127.0.0.1');
    return { ledger, app };
  });
  running = open.result;
  const address = running.app.getHttpServer().address() as AddressInfo;
  return { port: address.port, openSeconds: open.seconds, position: running.ledger.runner.position() ?? null };
};

export const stop = async () => {
  if (!running) return {};
  const { app, ledger } = running;
  running = undefined;
  await app.close();
  await ledger.close();
  return {};
};

/** The server process's CPU time so far (user + system), to divide by the requests it answered. */
export const cpu = () => {
  const used = process.cpuUsage();
  return { micros: used.user + used.system };
};
