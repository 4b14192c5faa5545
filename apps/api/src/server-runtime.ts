import { randomBytes } from 'node:crypto';
import { ADMIN_USER_ID, Config, Runtime, openRuntime } from '@sunshine/application';
import { PROJECTIONS } from '@sunshine/projections';

/** Opens the ledger as a long-running server does: following the log. */
export const openServerRuntime = (config: Config, options: { clock?: () => Date } = {}): Promise<Runtime> =>
  openRuntime(config, { projections: PROJECTIONS, follow: true, clock: options.clock });

/**
 * Without SUNSHINE_ADMIN_TOKEN, a first start generates the admin's token and returns it to be
 * printed once; only its hash is kept.
 */
export const bootstrapAdmin = async (runtime: Runtime): Promise<string | undefined> => {
  if (runtime.config.adminToken !== undefined || runtime.secrets.hasTokens(ADMIN_USER_ID)) return undefined;
  const token = randomBytes(32).toString('base64url');
  await runtime.secrets.setToken(ADMIN_USER_ID, token);
  return token;
};
