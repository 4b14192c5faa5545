import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Stages run in child processes: each measurement starts from a fresh heap and JIT, and its peak
 * RSS is the child's own (process.resourceUsage().maxRSS, read in the child when it ends).
 */

export interface StageMessage {
  id: number;
  call?: string;
  input?: unknown;
  result?: unknown;
  error?: string;
  maxRssMB?: number;
}

/** The compiled entry point every child runs (bench/stage.ts). */
const STAGE_ENTRY = join(__dirname, '..', 'stage.js');

export class StageFailed extends Error {}

export class Child {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (m: StageMessage) => void; reject: (e: Error) => void }>();
  private exited?: Error;

  private constructor(
    private readonly process: ChildProcess,
    readonly label: string,
  ) {
    process.on('message', (message: StageMessage) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      waiter.resolve(message);
    });
    process.on('exit', (code, signal) => {
      this.exited = new StageFailed(`${label}: the child process ended (${signal ?? `exit code ${code}`})`);
      for (const waiter of this.waiting.values()) waiter.reject(this.exited);
      this.waiting.clear();
    });
  }

  /**
   * Starts a child. Its stdout and stderr go to our stderr, so that nothing a stage prints mixes
   * with the table or the JSON lines. BENCH_CPU_PROF=<label>[,<label>…] profiles the children whose label contains one
   * (node --cpu-prof, into BENCH_CPU_PROF_DIR or the working directory).
   */
  static spawn(label: string, env: NodeJS.ProcessEnv = {}): Child {
    const profile = process.env.BENCH_CPU_PROF?.split(',').filter(Boolean) ?? [];
    const execArgv = profile.some((p) => label.includes(p))
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? process.cwd()}`,
          `--cpu-prof-name=${label.replace(/[^\w.-]+/g, '_')}.cpuprofile`,
        ]
      : [];
    const child = fork(STAGE_ENTRY, [label], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...env },
      execArgv,
    });
    child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    return new Child(child, label);
  }

  private send(message: StageMessage): Promise<StageMessage> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.process.send(message);
    });
  }

  /** Calls a stage function in the child. */
  async call<T>(name: string, input: unknown = {}, timeoutMs = 15 * 60_000): Promise<T> {
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(
          new StageFailed(`${this.label}: ${name} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`),
        );
      }, timeoutMs);
    });
    try {
      const answer = await Promise.race([this.send({ id, call: name, input }), timeout]);
      if (answer.error !== undefined) throw new StageFailed(answer.error);
      return answer.result as T;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the child and returns its peak RSS in MiB. */
  async close(): Promise<number | undefined> {
    if (this.exited) return undefined;
    const answer = await this.send({ id: this.nextId++, call: '$exit' }).catch(() => undefined);
    return answer?.maxRssMB;
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }
}

/**
 * A child that found dist/ half-written (another `npm run build` between tsc and tsc-alias, on a
 * shared machine) fails to load a module; it is started once more a moment later.
 */
const halfBuilt = (error: unknown) => error instanceof Error && /Cannot find module '@sunshine\//.test(error.message);

/** One stage in its own process: the result, and the process's peak RSS. */
export const runStage = async <T>(
  label: string,
  name: string,
  input: unknown = {},
  timeoutMs?: number,
): Promise<T & { maxRssMB: number }> => {
  for (let attempt = 0; ; attempt++) {
    const child = Child.spawn(label);
    try {
      const result = await child.call<T>(name, input, timeoutMs);
      const maxRssMB = (await child.close()) ?? NaN;
      return { ...result, maxRssMB };
    } catch (error) {
      child.kill();
      if (attempt < 2 && halfBuilt(error)) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        continue;
      }
      throw error;
    }
  }
};
