import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from '../stages/generate.stage';
import type { ImportResult } from '../stages/ledger.stage';
import { BenchArgs, ScenarioName } from './args';
import { runStage } from './child';
import { DataRoot } from './data-dir';
import { Report } from './table';

/** How big and how long: a quick run (under 2 minutes) and a full one (under 15). */
export interface Sizes {
  /** Commands in the generated term that is imported, summarised, rebuilt and verified. */
  term: number;
  /** Commands available to the in-process writers (more than they can use in their time). */
  writeLog: number;
  warmupSeconds: number;
  seconds: number;
  httpSeconds: number;
  summaryRequests: number;
  /** Log sizes of the scale scenario, smallest first. */
  scale: number[];
  /** Generous bound on one scale stage, so a pathological slowdown cannot hold the run. */
  scaleStageTimeoutMs: number;
}

export const QUICK: Sizes = {
  term: 5_000,
  writeLog: 30_000,
  warmupSeconds: 0.5,
  seconds: 2,
  httpSeconds: 2,
  summaryRequests: 200,
  scale: [5_000, 20_000],
  scaleStageTimeoutMs: 60_000,
};

export const FULL: Sizes = {
  term: 50_000,
  writeLog: 100_000,
  warmupSeconds: 2,
  seconds: 8,
  httpSeconds: 8,
  summaryRequests: 1_000,
  scale: [100_000, 1_000_000],
  scaleStageTimeoutMs: 9 * 60_000,
};

export const SEED = 20260928;

export interface TermLog {
  file: GeneratedFile;
  dataDir: string;
  imported: ImportResult & { maxRssMB: number };
}

/** What the scenarios share: arguments, the report, the data root, and datasets made once. */
export class BenchContext {
  readonly sizes: Sizes;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly args: BenchArgs,
    readonly report: Report,
    readonly root: DataRoot,
  ) {
    this.sizes = args.quick ? QUICK : FULL;
  }

  selected(name: ScenarioName): boolean {
    return this.args.only.has(name);
  }

  /** A fresh directory under the data root. */
  dir(name: string): string {
    const path = join(this.root.path, name);
    mkdirSync(path, { recursive: true });
    return path;
  }

  /** Computes a value once per run (datasets, ceilings, the peer), whichever scenario asks first. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.memo.set(key, value);
    }
    return value;
  }

  /** A generated township as NDJSON: `commands` commands over `terms` five-year terms. */
  township(commands: number, terms: number): Promise<GeneratedFile> {
    return this.once(`township-${commands}-${terms}`, () =>
      runStage<GeneratedFile>('generate', 'generate:writeTownship', {
        file: join(this.dir('generated'), `township-${terms}x-${commands}.ndjson`),
        commands,
        terms,
        seed: SEED,
      }),
    );
  }

  /** The generated term, imported through the product: the log most scenarios read. */
  termLog(): Promise<TermLog> {
    return this.once('term-log', async () => {
      const file = await this.township(this.sizes.term, 1);
      const dataDir = this.dir('term');
      const imported = await runStage<ImportResult>('import-term', 'ledger:importFile', { dataDir, file: file.file });
      if (imported.failed > 0)
        throw new Error(
          `the generated term did not import cleanly: ${imported.failed} failed, first ${imported.firstFailure}`,
        );
      return { file, dataDir, imported };
    });
  }
}
