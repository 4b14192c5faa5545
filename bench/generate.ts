import { townshipOfSize } from './generator/sized';

/**
 * `node dist/bench/generate.js [--events N] [--seed S] [--terms T]`: writes a generated township
 * as NDJSON command envelopes on stdout, exactly N commands (one event each).
 */
const argument = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const main = () => {
  const events = argument('events', 2000);
  const terms = argument('terms', events > 50_000 ? 4 : 2);
  const seed = argument('seed', 20260928);
  let written = 0;
  for (const envelope of townshipOfSize({ commands: events, terms, seed })) {
    process.stdout.write(`${JSON.stringify(envelope)}\n`);
    written++;
  }
  process.stderr.write(`${written} commands\n`);
};

if (require.main === module) main();
