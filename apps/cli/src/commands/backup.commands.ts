import { Command } from 'commander';
import { backUp, BackupRefused, loadConfig, restore } from '@sunshine/application';
import { act, CliError, EXIT } from '../cli-error';
import { withRuntime } from '../open';

const refusedAsCliError = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupRefused) throw new CliError(error.message, EXIT.failed);
    throw error;
  }
};

/** `sunshine backup <file>` and `sunshine restore <file>`. */
export const registerBackupCommands = (program: Command): void => {
  program
    .command('backup')
    .description('copy the log, checkpoints, secrets and signing key into one file, while the server runs')
    .argument('<file>', 'the backup to write (a gzipped tar, mode 0600)')
    .action(
      act(async (file: string) => {
        const manifest = await refusedAsCliError(() => backUp(loadConfig(), file));
        process.stdout.write(`${JSON.stringify({ file, events: manifest.events, createdAt: manifest.createdAt })}\n`);
        process.stderr.write(`备份完成：${manifest.events} 个事件 (backed up ${manifest.events} events)\n`);
        return EXIT.ok;
      }),
    );
  program
    .command('restore')
    .description('unpack a backup into an empty data directory, rebuild the read models and verify the log')
    .argument('<file>', 'a file written by sunshine backup')
    .action(
      act(async (file: string) => {
        const manifest = await refusedAsCliError(() => restore(loadConfig(), file));
        // Opening the restored store rebuilds its read models; then every event is checked.
        const report = await withRuntime((runtime) => runtime.integrity.verify(), { quietCatchUp: true });
        process.stdout.write(
          `${JSON.stringify({ restored: manifest.events, ok: report.ok, events: report.events })}\n`,
        );
        if (!report.ok) {
          process.stderr.write('恢复的日志未通过校验 (the restored log does not verify)\n');
          return EXIT.failed;
        }
        process.stderr.write(`恢复完成并已校验：${report.events} 个事件 (restored and verified)\n`);
        return EXIT.ok;
      }),
    );
};
