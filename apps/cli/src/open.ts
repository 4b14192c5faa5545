import { Config, Runtime, loadConfig, openRuntime } from '@sunshine/application';
import { PROJECTIONS } from '@sunshine/projections';
import { Progress } from './progress';

/** Opens the configured stores for one command: it holds the data directory until closed. */
export const openForCommand = async (options: { follow?: boolean; quietCatchUp?: boolean } = {}): Promise<Runtime> => {
  const config: Config = loadConfig();
  const progress = options.quietCatchUp ? undefined : new Progress('读模型追赶 catching up read models');
  const runtime = await openRuntime(config, {
    projections: PROJECTIONS,
    follow: options.follow ?? false,
    onProjectionProgress: (n) => progress?.update(n),
  });
  return runtime;
};

export const withRuntime = async <T>(
  work: (runtime: Runtime) => Promise<T>,
  options?: { quietCatchUp?: boolean },
): Promise<T> => {
  const runtime = await openForCommand(options);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
};
