import { Config, Ledger, loadConfig, openLedger } from '@sunshine/application';
import { PROJECTIONS } from '@sunshine/projections';
import { Progress } from './progress';

/** Opens the configured stores for one command: it holds the data directory until closed. */
export const openForCommand = async (options: { follow?: boolean; quietCatchUp?: boolean } = {}): Promise<Ledger> => {
  const config: Config = loadConfig();
  const progress = options.quietCatchUp ? undefined : new Progress('读模型追赶 catching up read models');
  const ledger = await openLedger(config, {
    projections: PROJECTIONS,
    follow: options.follow ?? false,
    onProjectionProgress: (n) => progress?.update(n),
  });
  return ledger;
};

export const withLedger = async <T>(
  work: (ledger: Ledger) => Promise<T>,
  options?: { quietCatchUp?: boolean },
): Promise<T> => {
  const ledger = await openForCommand(options);
  try {
    return await work(ledger);
  } finally {
    await ledger.close();
  }
};
