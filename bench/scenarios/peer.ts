import { join } from 'node:path';
import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { ThroughputResult } from '../harness/measure';
import { ensurePeer } from '../harness/peer';
import { writeCeilings } from './ceiling';

/** The peer: emmett-sqlite's single appends, at WAL + synchronous=FULL like ours. */

export interface PeerFigures {
  available: boolean;
  why?: string;
  versions?: string;
  pooled?: ThroughputResult & { pragmas: string };
  singleton?: ThroughputResult & { pragmas: string };
  /** The better of the two: the reference our writers are held to. */
  best?: { perSecond: number; label: string };
}

export const peerFigures = (ctx: BenchContext): Promise<PeerFigures> =>
  ctx.once('peer', async () => {
    const install = ensurePeer({ install: !ctx.args.quick, say: (t) => ctx.report.say(t) });
    if (!install.ok) return { available: false, why: install.why };
    const { dataDir } = await ctx.termLog();
    const input = { source: join(dataDir, 'events.db'), dir: ctx.dir('peer'), warmupSeconds: ctx.sizes.warmupSeconds / 2, seconds: ctx.sizes.seconds / 2 };
    try {
      const pooled = await runStage<ThroughputResult & { pragmas: string }>('peer-pooled', 'peer:singleAppends', { ...input, connection: 'pooled' });
      const singleton = await runStage<ThroughputResult & { pragmas: string }>('peer-singleton', 'peer:singleAppends', { ...input, connection: 'singleton' });
      const best =
        singleton.perSecond >= pooled.perSecond
          ? { perSecond: singleton.perSecond, label: 'emmett single append (kept)' }
          : { perSecond: pooled.perSecond, label: 'emmett single append (pool)' };
      return { available: true, versions: install.versions, pooled, singleton, best };
    } catch (error) {
      return { available: false, why: `the peer failed to run on Node ${process.versions.node}: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

export const runPeerScenario = async (ctx: BenchContext): Promise<void> => {
  const { report } = ctx;
  const peer = await peerFigures(ctx);
  const { one } = await writeCeilings(ctx);
  const reference = { reference: 'ceiling: 1 event per txn', referenceValue: one.perSecond };
  if (!peer.available || !peer.pooled || !peer.singleton) {
    report.add({ scenario: 'peer: emmett-sqlite single append', value: null, unit: 'events/s', ...reference, note: `n/a (${peer.why})` });
    return;
  }
  report.say(`peer: ${peer.versions}; default pool ${peer.pooled.pragmas}; kept connection ${peer.singleton.pragmas}`);
  report.add({ scenario: 'peer: emmett single append (pool)', value: peer.pooled.perSecond, unit: 'events/s', ...reference, note: `p50 ${peer.pooled.p50.toFixed(2)} ms, p99 ${peer.pooled.p99.toFixed(2)} ms` });
  report.add({ scenario: 'peer: emmett single append (kept)', value: peer.singleton.perSecond, unit: 'events/s', ...reference, note: `p50 ${peer.singleton.p50.toFixed(2)} ms, p99 ${peer.singleton.p99.toFixed(2)} ms` });
};
