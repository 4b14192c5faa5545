import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import type { WriteResult } from '../stages/ledger.stage';
import { writeCeilings } from './ceiling';
import { peerFigures } from './peer';

/** (1) Durable single commands in process: 1 and 16 callers, each acknowledged only once durable. */

const runWriters = (ctx: BenchContext, writers: number) =>
  ctx.once(`write-${writers}`, async () => {
    const file = await ctx.township(ctx.sizes.writeLog, 4);
    return runStage<WriteResult>(`write-${writers}`, 'ledger:write', {
      dataDir: ctx.dir(`write-${writers}`),
      file: file.file,
      writers,
      warmupSeconds: ctx.sizes.warmupSeconds,
      seconds: ctx.sizes.seconds,
    });
  });

const noteOf = (r: WriteResult) =>
  [
    `${r.ops} cmds in ${r.seconds.toFixed(1)} s`,
    r.failed ? `${r.failed} refused (first: ${r.firstFailure})` : '',
    r.exhausted ? `${r.exhausted} callers ran out of commands` : '',
  ]
    .filter(Boolean)
    .join('; ');

export const runWriteScenario = async (ctx: BenchContext): Promise<void> => {
  const { report } = ctx;
  const { one } = await writeCeilings(ctx);
  const peer = await peerFigures(ctx);
  const raw = { reference: 'ceiling: 1 event per txn', referenceValue: one.perSecond };

  const single = await runWriters(ctx, 1);
  report.add({
    scenario: 'write: 1 writer durable',
    value: single.perSecond,
    unit: 'cmds/s',
    ...raw,
    note: noteOf(single),
  });
  report.add({
    scenario: 'write: 1 writer p50',
    value: single.p50,
    unit: 'ms',
    reference: 'ceiling: 1 event per txn p50',
    referenceValue: one.p50,
    target: { on: 'value', op: '<=', bound: 0.5 },
  });
  report.add({
    scenario: 'write: 1 writer p99',
    value: single.p99,
    unit: 'ms',
    reference: 'ceiling: 1 event per txn p99',
    referenceValue: one.p99,
  });

  const sixteen = await runWriters(ctx, 16);
  report.add({
    scenario: 'write: 16 writers durable',
    value: sixteen.perSecond,
    unit: 'cmds/s',
    ...raw,
    target: { on: 'ratio', op: '>=', bound: 1.0 },
    note: noteOf(sixteen),
  });
  if (peer.best)
    report.add({
      scenario: 'write: 16 writers vs peer',
      value: sixteen.perSecond,
      unit: 'cmds/s',
      reference: `peer: ${peer.best.label}`,
      referenceValue: peer.best.perSecond,
      target: { on: 'ratio', op: '>=', bound: 15 },
    });
  else
    report.add({
      scenario: 'write: 16 writers vs peer',
      value: sixteen.perSecond,
      unit: 'cmds/s',
      reference: 'peer: emmett single append',
      referenceValue: null,
      target: { on: 'ratio', op: '>=', bound: 15 },
      note: `n/a (${peer.why})`,
    });
  report.add({
    scenario: 'write: 16 writers p50',
    value: sixteen.p50,
    unit: 'ms',
    reference: 'ceiling: 1 event per txn p50',
    referenceValue: one.p50,
  });
  report.add({
    scenario: 'write: 16 writers p99',
    value: sixteen.p99,
    unit: 'ms',
    reference: 'ceiling: 1 event per txn p99',
    referenceValue: one.p99,
  });
};
