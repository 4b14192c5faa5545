import { runCrashStress } from './crash-stress';

/**
 * `npm run stress:crash [-- --kills N]`: the crash stress run, printing its figures as it goes
 * and at the end; exit code 1 if anything acknowledged was lost or doubled, the read models
 * differ from a rebuild, or the log does not verify.
 */
const at = process.argv.indexOf('--kills');
const kills = at >= 0 ? Number(process.argv[at + 1]) : 200;

runCrashStress({
  kills,
  onRound: (round, figures) => {
    if ((round + 1) % 10 === 0) process.stderr.write(`${JSON.stringify({ round: round + 1, ...figures })}\n`);
  },
}).then(
  (figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    const sound = figures.lost === 0 && figures.doubled === 0 && figures.readModelsEqualRebuild && figures.verified;
    process.exit(sound ? 0 : 1);
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
