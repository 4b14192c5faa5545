import { Command } from 'commander';

/** keys, export and verify: registered once the integrity library offers them. */
export const registerIntegrityCommands = (_program: Command): void => undefined;
