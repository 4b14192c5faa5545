import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { logCeilings } from './ceiling';

/** (4) Projection rebuild from the start, against reading the same log raw. */

export interface RebuildResult {
  events: number;
  seconds: number;
  perSecond: number;
  projections: string[];
  maxRssMB: number;
}

export const runRebuild = (label: string, dataDir: string, timeoutMs?: number) =>
  runStage<Omit<RebuildResult, 'maxRssMB'>>(label, 'ledger:rebuild', { dataDir }, timeoutMs);

export const runRebuildScenario = async (ctx: BenchContext): Promise<void> => {
  const term = await ctx.termLog();
  const ceilings = await logCeilings(ctx, term.dataDir);
  const reference = { reference: 'ceiling: read log in order + parse', referenceValue: ceilings.parsedPerSecond };
  const target = { on: 'ratio' as const, op: '>=' as const, bound: 0.5 };
  try {
    const rebuilt = await runRebuild('rebuild-term', term.dataDir);
    ctx.report.add({
      scenario: 'rebuild: projections from start',
      value: rebuilt.perSecond,
      unit: 'events/s',
      ...reference,
      target,
      note: `${rebuilt.events} events in ${rebuilt.seconds.toFixed(2)} s, peak RSS ${Math.round(rebuilt.maxRssMB)} MB; projections: ${rebuilt.projections.join(', ') || '(none registered in PROJECTIONS)'} + erasures`,
    });
  } catch (error) {
    ctx.report.add({
      scenario: 'rebuild: projections from start',
      value: null,
      unit: 'events/s',
      ...reference,
      target,
      note: `n/a (${error instanceof Error ? error.message : String(error)})`,
    });
  }
};
