import 'reflect-metadata';
import type { StageMessage } from './harness/child';

/**
 * The entry point of every child process the benchmark starts: it runs the stage functions the
 * parent calls (`<module>:<function>`), one at a time, and reports its peak RSS when told to end.
 * Modules load on first use, so a library that is not there yet fails only its own stages.
 */
type StageModule = Record<string, unknown>;

const MODULES: Record<string, () => Promise<StageModule>> = {
  generate: () => import('./stages/generate.stage'),
  ceiling: () => import('./stages/ceiling.stage'),
  peer: () => import('./stages/peer.stage'),
  ledger: () => import('./stages/ledger.stage'),
  server: () => import('./stages/server.stage'),
};

const reply = (message: StageMessage) =>
  new Promise<void>((resolve) => process.send?.(message, undefined, {}, () => resolve()));

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

process.on('message', async (message: StageMessage) => {
  if (message.call === '$exit') {
    // maxRSS is in KiB on Linux.
    await reply({ id: message.id, maxRssMB: process.resourceUsage().maxRSS / 1024 });
    process.exit(0);
  }
  try {
    const [moduleName, functionName] = String(message.call).split(':');
    const load = MODULES[moduleName];
    if (!load) throw new Error(`no stage module "${moduleName}"`);
    const stage = (await load())[functionName];
    if (typeof stage !== 'function') throw new Error(`no stage "${message.call}"`);
    const result: unknown = await (stage as (input: unknown) => unknown)(message.input);
    await reply({ id: message.id, result });
  } catch (error) {
    await reply({ id: message.id, error: describe(error) });
  }
});

process.on('disconnect', () => process.exit(0));
