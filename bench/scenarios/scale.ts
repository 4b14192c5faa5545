import { runStage } from '../harness/child';
import { BenchContext } from '../harness/context';
import { RowInput, Target } from '../harness/table';
import type { ImportResult } from '../stages/ledger.stage';
import { logCeilings } from './ceiling';
import { measureSummaryReads } from './http';
import { runRebuild } from './rebuild';
import { runVerify } from './verify';

/**
 * (7) Scale: generated logs of growing size (100k and 1M events in a full run), each imported,
 * rebuilt, verified and summarised in its own process: time and peak RSS of each, and how each
 * grows against a straight line from the smaller size.
 */

const label = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

interface Point {
  events: number;
  seconds: number | null;
  rss: number | null;
  why?: string;
  note?: string;
}

type Stage = 'import' | 'rebuild' | 'verify' | 'summary';
const STAGES: Stage[] = ['import', 'rebuild', 'verify', 'summary'];
const LINEAR: Target = { on: 'ratio', op: '<=', bound: 1.25 };
const RSS: Target = { on: 'value', op: '<', bound: 400 };

const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const runScaleScenario = async (ctx: BenchContext): Promise<void> => {
  const { report, sizes } = ctx;
  const timeout = sizes.scaleStageTimeoutMs;
  const points = new Map<Stage, Point[]>(STAGES.map((s) => [s, []]));
  const add = (stage: Stage, point: Point) => {
    const series = points.get(stage) as Point[];
    const previous = series[series.length - 1];
    series.push(point);
    const size = label(point.events);
    const unavailable = point.seconds === null ? `n/a (${point.why})` : undefined;
    const grows = previous && previous.seconds !== null;
    const timeRow: RowInput = {
      scenario: `scale: ${stage} ${size}`,
      value: point.seconds,
      unit: stage === 'summary' ? 'ms' : 's',
      reference: grows ? `${label(previous.events)} × ${point.events / previous.events} (linear)` : '(base size)',
      referenceValue: grows ? (previous.seconds as number) * (point.events / previous.events) : null,
      ...(grows ? { target: LINEAR } : {}),
      note: unavailable ?? point.note,
    };
    report.add(timeRow);
    report.add({
      scenario: `scale: ${stage} ${size} peak RSS`,
      value: point.rss,
      unit: 'MB',
      reference: previous ? `peak RSS at ${label(previous.events)}` : '(base size)',
      referenceValue: previous?.rss ?? null,
      target: RSS,
      ...(unavailable ? { note: unavailable } : {}),
    });
  };

  for (const n of sizes.scale) {
    const file = await ctx.township(n, 4);
    const dataDir = ctx.dir(`scale-${label(n)}`);
    let imported: (ImportResult & { maxRssMB: number }) | undefined;
    try {
      imported = await runStage<ImportResult>(
        `scale-import-${label(n)}`,
        'ledger:importFile',
        { dataDir, file: file.file },
        timeout,
      );
      add('import', {
        events: n,
        seconds: imported.seconds,
        rss: imported.maxRssMB,
        note: `${Math.round(imported.perSecond).toLocaleString('en-US')} cmds/s${imported.failed ? `; ${imported.failed} refused` : ''}`,
      });
    } catch (error) {
      for (const stage of STAGES)
        add(stage, {
          events: n,
          seconds: null,
          rss: null,
          why: stage === 'import' ? failure(error) : 'the import did not finish',
        });
      continue;
    }
    const ceilings = await logCeilings(ctx, dataDir);
    try {
      const rebuilt = await runRebuild(`scale-rebuild-${label(n)}`, dataDir, timeout);
      add('rebuild', {
        events: n,
        seconds: rebuilt.seconds,
        rss: rebuilt.maxRssMB,
        note: `${Math.round(rebuilt.perSecond).toLocaleString('en-US')} events/s, ${(rebuilt.perSecond / ceilings.parsedPerSecond).toFixed(2)} × raw read`,
      });
    } catch (error) {
      add('rebuild', { events: n, seconds: null, rss: null, why: failure(error) });
    }
    try {
      const verified = await runVerify(`scale-verify-${label(n)}`, dataDir, timeout);
      add('verify', {
        events: n,
        seconds: verified.seconds,
        rss: verified.maxRssMB,
        note: `${Math.round(verified.perSecond).toLocaleString('en-US')} events/s, ${(verified.perSecond / ceilings.sha256PerSecond).toFixed(2)} × raw SHA-256`,
      });
    } catch (error) {
      add('verify', { events: n, seconds: null, rss: null, why: `not available: ${failure(error)}` });
    }
    try {
      const reads = await measureSummaryReads(`scale-summary-${label(n)}`, dataDir, file.busiestTerm, 20, {
        grow: false,
      });
      if (!reads.available || reads.firstMs === undefined)
        add('summary', { events: n, seconds: null, rss: null, why: `not available: ${reads.why}` });
      else
        add('summary', {
          events: n,
          seconds: reads.firstMs,
          rss: reads.maxRssMB ?? null,
          note: `first read of term ${file.busiestTerm}; then p50 ${reads.steady?.p50.toFixed(2)} ms; server opened in ${reads.openSeconds.toFixed(1)} s`,
        });
    } catch (error) {
      add('summary', { events: n, seconds: null, rss: null, why: `not available: ${failure(error)}` });
    }
  }
};
