import { availableParallelism } from 'node:os';
import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { logCeilings } from './ceiling';

/** (5) Full integrity verification of the stored log, against plain SHA-256 of its stored bytes. */

export interface VerifyResult {
  how: string;
  events: number;
  seconds: number;
  perSecond: number;
  maxRssMB: number;
}

export const runVerify = (label: string, dataDir: string, timeoutMs?: number) =>
  runStage<Omit<VerifyResult, 'maxRssMB'>>(label, 'ledger:verify', { dataDir }, timeoutMs);

export const runVerifyScenario = async (ctx: BenchContext): Promise<void> => {
  const term = await ctx.termLog();
  const ceilings = await logCeilings(ctx, term.dataDir);
  const reference = { reference: 'ceiling: SHA-256 stored bytes, 1 core', referenceValue: ceilings.sha256PerSecond };
  const target = { on: 'ratio' as const, op: '>=' as const, bound: 0.5 };
  let verified: Omit<VerifyResult, 'maxRssMB'>;
  try {
    verified = await runVerify('verify-term', term.dataDir);
    ctx.report.add({
      scenario: 'verify: full log',
      value: verified.perSecond,
      unit: 'events/s',
      ...reference,
      target,
      note: `${verified.events} events in ${verified.seconds.toFixed(2)} s, ${verified.how}`,
    });
  } catch (error) {
    ctx.report.add({
      scenario: 'verify: full log',
      value: null,
      unit: 'events/s',
      ...reference,
      target,
      note: `n/a (not available: ${error instanceof Error ? error.message : String(error)})`,
    });
    return;
  }
  ctx.report.add({
    scenario: 'verify: full log vs 2-core SHA',
    value: verified.perSecond,
    unit: 'events/s',
    reference: 'ceiling: SHA-256 stored bytes, 2 cores',
    referenceValue: ceilings.sha256TwoCoresPerSecond,
    note: `the verifier reads and hashes on ${Math.min(availableParallelism(), 4)} worker threads (one per core), chains and tree on the main thread`,
  });
};
