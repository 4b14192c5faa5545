import { BenchContext } from '../harness/context';
import { writeCeilings } from './ceiling';

/** (3) NDJSON import of a generated term, as `sunshine import` does it. */
export const runImportScenario = async (ctx: BenchContext): Promise<void> => {
  const term = await ctx.termLog();
  const { hundred } = await writeCeilings(ctx);
  const { imported } = term;
  ctx.report.add({
    scenario: 'import: NDJSON, 1 term',
    value: imported.perSecond,
    unit: 'cmds/s',
    reference: 'ceiling: 100 events per txn',
    referenceValue: hundred.perSecond,
    target: { on: 'value', op: '>=', bound: 20_000 },
    note: `${imported.commands} cmds (${term.file.terms[0].termId}) in ${imported.seconds.toFixed(1)} s, peak RSS ${Math.round(imported.maxRssMB)} MB`,
  });
};
