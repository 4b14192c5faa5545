import { randomBytes } from 'node:crypto';
import { ADMIN_USER_ID, Config, Ledger, openLedger } from '@sunshine/application';
import { PROJECTIONS } from '@sunshine/projections';

/** Opens the ledger as a long-running server does: following the log. */
export const openServerLedger = (config: Config, options: { clock?: () => Date } = {}): Promise<Ledger> =>
  openLedger(config, { projections: PROJECTIONS, follow: true, clock: options.clock });

/**
 * Without SUNSHINE_ADMIN_TOKEN, a first start generates the admin's token and returns it to be
 * printed once; only its hash is kept.
 */
export const bootstrapAdmin = async (ledger: Ledger): Promise<string | undefined> => {
  if (ledger.config.adminToken !== undefined || ledger.secrets.hasTokens(ADMIN_USER_ID)) return undefined;
  const token = randomBytes(32).toString('base64url');
  await ledger.secrets.setToken(ADMIN_USER_ID, token);
  return token;
};
