/** The benchmark's command line: `npm run bench -- [--quick] [--json] [--only <scenario>[,<scenario>…]] [--keep]`. */
export const SCENARIOS = [
  'ceiling',
  'peer',
  'write',
  'http',
  'import',
  'summary',
  'rebuild',
  'verify',
  'scale',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  only: Set<ScenarioName>;
  /** Keep the data directory afterwards (to look at, or to profile a stage again). */
  keep: boolean;
}

export class UsageError extends Error {}

export const parseArgs = (argv: string[]): BenchArgs => {
  const args: BenchArgs = { quick: false, json: false, only: new Set(SCENARIOS), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new UsageError('--only needs a scenario name');
      const names = value.split(',').map((s) => s.trim());
      for (const name of names)
        if (!(SCENARIOS as readonly string[]).includes(name))
          throw new UsageError(`unknown scenario "${name}": one of ${SCENARIOS.join(', ')}`);
      args.only = new Set(names as ScenarioName[]);
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${arg}`);
  }
  return args;
};

export const USAGE = `npm run bench -- [--quick] [--json] [--only ${SCENARIOS.join('|')}[,…]] [--keep]
  --quick  small sizes and short runs (under 2 minutes); the 1,000,000-event scale run is left out
  --json   one JSON object per row on stdout (the table goes to stderr)
  --only   run only these scenario groups (what they need is prepared silently)
  --keep   keep the data directory afterwards`;
