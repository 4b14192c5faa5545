import { join } from 'node:path';
import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { ensurePeer } from '../harness/peer';
import type { PeerResult } from '../stages/peer.stage';
import { writeCeilings } from './ceiling';

/** The peer: emmett-sqlite's single appends, at WAL + synchronous=FULL like ours. */

export interface PeerFigures {
  available: boolean;
  why?: string;
  versions?: string;
  /** Each way of connecting is measured on its own: one failing leaves the other standing. */
  pooled?: PeerResult;
  singleton?: PeerResult;
  failures: string[];
  /** The better of the two: the reference our writers are held to. */
  best?: { perSecond: number; label: string };
}

export const peerFigures = (ctx: BenchContext): Promise<PeerFigures> =>
  ctx.once('peer', async () => {
    const install = ensurePeer({ install: !ctx.args.quick, say: (t) => ctx.report.say(t) });
    if (!install.ok) return { available: false, why: install.why, failures: [] };
    const { dataDir } = await ctx.termLog();
    const input = {
      source: join(dataDir, 'events.db'),
      dir: ctx.dir('peer'),
      warmupSeconds: ctx.sizes.warmupSeconds / 2,
      seconds: ctx.sizes.seconds / 2,
    };
    const failures: string[] = [];
    const measure = async (connection: 'pooled' | 'singleton'): Promise<PeerResult | undefined> => {
      try {
        return await runStage<PeerResult>(`peer-${connection}`, 'peer:singleAppends', { ...input, connection });
      } catch (error) {
        failures.push(`${connection}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const pooled = await measure('pooled');
    const singleton = await measure('singleton');
    const candidates = [
      ...(singleton ? [{ perSecond: singleton.perSecond, label: 'emmett single append (kept)' }] : []),
      ...(pooled ? [{ perSecond: pooled.perSecond, label: 'emmett single append (pool)' }] : []),
    ];
    const best = candidates.sort((a, b) => b.perSecond - a.perSecond)[0];
    const why = `the peer failed to run on Node ${process.versions.node}: ${failures.join('; ')}`;
    return {
      available: best !== undefined,
      why: best ? undefined : why,
      versions: install.versions,
      pooled,
      singleton,
      failures,
      best,
    };
  });

const figureNote = (figure: PeerResult): string =>
  `p50 ${figure.p50.toFixed(2)} ms, p99 ${figure.p99.toFixed(2)} ms${figure.retries > 0 ? `; ${figure.retries} appends retried (SQLITE_BUSY from emmett's own unawaited journal_mode pragma)` : ''}`;

export const runPeerScenario = async (ctx: BenchContext): Promise<void> => {
  const { report } = ctx;
  const peer = await peerFigures(ctx);
  const { one } = await writeCeilings(ctx);
  const reference = { reference: 'ceiling: 1 event per txn', referenceValue: one.perSecond };
  if (!peer.available) {
    report.add({
      scenario: 'peer: emmett-sqlite single append',
      value: null,
      unit: 'events/s',
      ...reference,
      note: `n/a (${peer.why})`,
    });
    return;
  }
  report.say(
    `peer: ${peer.versions}; default pool ${peer.pooled?.pragmas ?? 'failed'}; kept connection ${peer.singleton?.pragmas ?? 'failed'}`,
  );
  const rows = [
    { scenario: 'peer: emmett single append (pool)', figure: peer.pooled, mode: 'pooled' },
    { scenario: 'peer: emmett single append (kept)', figure: peer.singleton, mode: 'singleton' },
  ];
  for (const { scenario, figure, mode } of rows) {
    if (figure)
      report.add({ scenario, value: figure.perSecond, unit: 'events/s', ...reference, note: figureNote(figure) });
    else
      report.add({
        scenario,
        value: null,
        unit: 'events/s',
        ...reference,
        note: `n/a (${peer.failures.find((f) => f.startsWith(mode)) ?? 'failed'})`,
      });
  }
};
