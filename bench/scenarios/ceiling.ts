import { join } from 'node:path';
import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { ThroughputResult } from '../harness/measure';

/** Ceilings: raw better-sqlite3 and plain SHA-256 on the same disk, pragmas and stored bytes as ours. */

export interface WriteCeilings {
  one: ThroughputResult & { pragmas: string };
  hundred: ThroughputResult;
}

export interface LogCeilings {
  events: number;
  bytes: number;
  parsedPerSecond: number;
  rowsPerSecond: number;
  sha256PerSecond: number;
  sha256TwoCoresPerSecond: number;
}

export const writeCeilings = (ctx: BenchContext): Promise<WriteCeilings> =>
  ctx.once('write-ceilings', async () => {
    const { dataDir } = await ctx.termLog();
    const input = {
      source: join(dataDir, 'events.db'),
      dir: ctx.dir('ceilings'),
      warmupOps: 300,
      seconds: ctx.sizes.seconds / 2,
    };
    const one = await runStage<WriteCeilings['one']>('ceiling-one', 'ceiling:onePerTransaction', input);
    const hundred = await runStage<ThroughputResult>('ceiling-hundred', 'ceiling:hundredPerTransaction', input);
    return { one, hundred };
  });

/** Read and hash ceilings of one stored log (the same file our rebuild and verify read). */
export const logCeilings = (ctx: BenchContext, dataDir: string): Promise<LogCeilings> =>
  ctx.once(`log-ceilings-${dataDir}`, async () => {
    const source = join(dataDir, 'events.db');
    const read = await runStage<{ events: number; bytes: number; parsedPerSecond: number; rowsPerSecond: number }>(
      'ceiling-read',
      'ceiling:readLog',
      { source },
    );
    const hash = await runStage<{ perSecond: number; twoCoresPerSecond: number }>('ceiling-sha256', 'ceiling:hashLog', {
      source,
    });
    return { ...read, sha256PerSecond: hash.perSecond, sha256TwoCoresPerSecond: hash.twoCoresPerSecond };
  });

export const runCeilingScenario = async (ctx: BenchContext): Promise<void> => {
  const { report } = ctx;
  const term = await ctx.termLog();
  const { one, hundred } = await writeCeilings(ctx);
  const log = await logCeilings(ctx, term.dataDir);
  const payload = `${term.imported.events} stored events, ${Math.round(log.bytes / log.events)} B each`;
  report.say(`ceilings: raw better-sqlite3 (${one.pragmas}), ${payload}`);
  const none = { reference: '(ceiling)', referenceValue: null };
  report.add({ scenario: 'ceiling: 1 event per txn', value: one.perSecond, unit: 'txn/s', ...none });
  report.add({ scenario: 'ceiling: 1 event per txn p50', value: one.p50, unit: 'ms', ...none });
  report.add({ scenario: 'ceiling: 1 event per txn p99', value: one.p99, unit: 'ms', ...none });
  report.add({ scenario: 'ceiling: 100 events per txn', value: hundred.perSecond, unit: 'events/s', ...none });
  report.add({ scenario: 'ceiling: read log in order + parse', value: log.parsedPerSecond, unit: 'events/s', ...none });
  report.add({ scenario: 'ceiling: read log rows only', value: log.rowsPerSecond, unit: 'events/s', ...none });
  report.add({
    scenario: 'ceiling: SHA-256 stored bytes, 1 core',
    value: log.sha256PerSecond,
    unit: 'events/s',
    ...none,
  });
  report.add({
    scenario: 'ceiling: SHA-256 stored bytes, 2 cores',
    value: log.sha256TwoCoresPerSecond,
    unit: 'events/s',
    ...none,
  });
};
