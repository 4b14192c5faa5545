/** Exit codes of docs/api.md#cli: 0 success, 1 a failed check or operation, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

let exitCode: number = EXIT.ok;

/** Wraps a command's action so the exit code it returns becomes the process's. */
export const act =
  <Args extends unknown[]>(fn: (...args: Args) => Promise<number | void> | number | void) =>
  async (...args: Args): Promise<void> => {
    const code = await fn(...args);
    if (typeof code === 'number') exitCode = code;
  };

export const lastExitCode = (): number => exitCode;
