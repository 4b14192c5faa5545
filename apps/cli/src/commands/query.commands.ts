import { Command } from 'commander';

/** summary, ledger and report: registered once the read side offers them. */
export const registerQueryCommands = (_program: Command): void => undefined;
