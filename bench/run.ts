import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchArgs, parseArgs, ScenarioName, USAGE, UsageError } from './harness/args';
import { BenchContext } from './harness/context';
import { chooseDataRoot, REPO_ROOT } from './harness/data-dir';
import { describeMachine, Machine } from './harness/machine';
import { Report } from './harness/table';
import { runCeilingScenario } from './scenarios/ceiling';
import { runHttpScenario, runSummaryScenario } from './scenarios/http';
import { runImportScenario } from './scenarios/import';
import { runPeerScenario } from './scenarios/peer';
import { runRebuildScenario } from './scenarios/rebuild';
import { runScaleScenario } from './scenarios/scale';
import { runVerifyScenario } from './scenarios/verify';
import { runWriteScenario } from './scenarios/write';

/**
 * `npm run bench`: every figure beside a reference measured in the same run (raw SQLite and
 * SHA-256 ceilings on the same disk and bytes, the peer event store, a bare endpoint), so the
 * ratios hold on a shared, noisy machine. See docs/PERFORMANCE.md.
 */

/** In the order they run: the ones that only read the generated term before those that add to it. */
const SCENARIOS: [ScenarioName, (ctx: BenchContext) => Promise<void>][] = [
  ['ceiling', runCeilingScenario],
  ['peer', runPeerScenario],
  ['write', runWriteScenario],
  ['import', runImportScenario],
  ['rebuild', runRebuildScenario],
  ['verify', runVerifyScenario],
  ['http', runHttpScenario],
  ['summary', runSummaryScenario],
  ['scale', runScaleScenario],
];

const DOC = join(REPO_ROOT, 'docs', 'PERFORMANCE.md');
const BEGIN = '<!-- bench:last-full-run:begin -->';
const END = '<!-- bench:last-full-run:end -->';

/** A full run of every scenario rewrites the table in docs/PERFORMANCE.md (between its markers). */
const keepInDocs = (report: Report, machine: Machine, filesystem: string, minutes: number): boolean => {
  if (!existsSync(DOC)) return false;
  const text = readFileSync(DOC, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) return false;
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const section = [
    BEGIN,
    '',
    `Run ${when}, ${minutes.toFixed(1)} min: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB; data on ${filesystem}; Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3}), Linux ${machine.kernel}.`,
    '',
    report.markdown(),
    END,
  ].join('\n');
  writeFileSync(DOC, text.slice(0, begin) + section + text.slice(end + END.length));
  return true;
};

const main = async (args: BenchArgs) => {
  const started = Date.now();
  const report = new Report(args.json);
  const root = chooseDataRoot();
  const machine = describeMachine();
  report.say(
    `Sunshine Ledger benchmark (${args.quick ? 'quick' : 'full'}): ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}\n` +
      `data: ${root.path} on ${root.filesystem}; ${root.where}`,
  );
  const ctx = new BenchContext(args, report, root);
  try {
    for (const [name, run] of SCENARIOS) {
      if (!ctx.selected(name)) continue;
      const scenarioStarted = Date.now();
      try {
        await run(ctx);
      } catch (error) {
        report.add({
          scenario: `${name}: failed`,
          value: null,
          unit: '',
          reference: '',
          referenceValue: null,
          note: `n/a (${error instanceof Error ? error.message : String(error)})`,
        });
      }
      report.say(`  (${name}: ${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s)`);
    }
  } finally {
    if (args.keep) report.say(`data kept in ${root.path}`);
    else root.remove();
  }
  const minutes = (Date.now() - started) / 60_000;
  const judged = report.rows.filter((r) => r.met !== undefined);
  const missed = judged.filter((r) => r.met === false).map((r) => r.scenario);
  const unknown = judged.filter((r) => r.met === null).map((r) => r.scenario);
  report.say(
    `\n${judged.length - missed.length - unknown.length} of ${judged.length} targets met` +
      (missed.length ? `; missed: ${missed.join(', ')}` : '') +
      (unknown.length ? `; not measured: ${unknown.join(', ')}` : '') +
      ` (${minutes.toFixed(1)} min)`,
  );
  if (!args.quick && args.only.size === SCENARIOS.length && keepInDocs(report, machine, root.filesystem, minutes))
    report.say('docs/PERFORMANCE.md: table updated');
};

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  if (error.message) process.stderr.write(`${error.message}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(error.message ? 2 : 0);
}
main(args).catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
