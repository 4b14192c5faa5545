import { join } from 'node:path';
import {
  Config,
  importCommands,
  ImportResultLine,
  ImportSummary,
  Runtime,
  loadConfig,
  openRuntime,
  validateCommand,
} from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { SqliteEventStore, StoredEvent } from '@sunshine/event-store';
import { PROJECTIONS } from '@sunshine/projections';
import { openServerRuntime } from '../../apps/api/src/server-runtime';
import { closedLoop, ThroughputResult, timed } from '../harness/measure';
import { partitionByStream, readEnvelopes, readLines } from '../harness/township';

/** Our product in process, opened the way the server and the CLI open it. */

export const ADMIN: Actor = { userId: 'admin', role: 'admin' };
export const BENCH_ADMIN_TOKEN = 'sunshine-bench-admin-token-0123456789';

export const benchConfig = (dataDir: string): Config =>
  loadConfig({
    ...process.env,
    SUNSHINE_DATA_DIR: dataDir,
    SUNSHINE_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    SUNSHINE_EVENT_STORE: 'sqlite',
    SUNSHINE_READ_STORE: 'sqlite',
    PORT: '0',
    // The benchmark drives thousands of requests a second from one address with one token.
    SUNSHINE_RATE_LIMIT_PER_TOKEN: '0',
    SUNSHINE_RATE_LIMIT_PER_ADDRESS: '0',
  });

/** As `sunshine <command>` opens it: projections caught up once, not followed. */
const openAsCli = (dataDir: string): Promise<Runtime> =>
  openRuntime(benchConfig(dataDir), { projections: PROJECTIONS, follow: false });

export interface WriteInput {
  dataDir: string;
  file: string;
  writers: number;
  warmupSeconds: number;
  seconds: number;
}

export interface WriteResult extends ThroughputResult {
  failed: number;
  firstFailure?: string;
  /** Callers that ran out of commands before the deadline (the figure then understates). */
  exhausted: number;
}

/**
 * Durable single commands: `writers` callers each submit a command and wait until it is durable
 * (CommandService.execute: validated, decided, appended, committed with fsync), then the next.
 * Opened as the server opens it, projections following the log in the same process.
 */
export const write = async (input: WriteInput): Promise<WriteResult> => {
  const runtime = await openServerRuntime(benchConfig(input.dataDir));
  try {
    const { preamble, queues } = partitionByStream(readEnvelopes(input.file), input.writers);
    for (const envelope of preamble) await runtime.commands.execute(validateCommand(envelope), ADMIN);
    const cursor = queues.map(() => 0);
    let failed = 0;
    let firstFailure: string | undefined;
    let exhausted = 0;
    const result = await closedLoop({
      workers: input.writers,
      warmupSeconds: input.warmupSeconds,
      seconds: input.seconds,
      op: async (writer) => {
        const envelope = queues[writer][cursor[writer]++];
        if (!envelope) {
          exhausted++;
          return false;
        }
        try {
          await runtime.commands.execute(validateCommand(envelope), ADMIN);
        } catch (error) {
          failed++;
          firstFailure ??= `${envelope.type} ${envelope.commandId}: ${error instanceof Error ? error.message : String(error)}`;
        }
        return true;
      },
    });
    return { ...result, failed, firstFailure, exhausted };
  } finally {
    await runtime.close();
  }
};

export interface ImportResult {
  commands: number;
  applied: number;
  failed: number;
  firstFailure?: string;
  seconds: number;
  perSecond: number;
  events: number;
}

/** `sunshine import <file>` without the terminal: every command its own transaction, then the read models catch up. */
export const importFile = async (input: { dataDir: string; file: string }): Promise<ImportResult> => {
  const runtime = await openAsCli(input.dataDir);
  try {
    let summary: ImportSummary['summary'] | undefined;
    let firstFailure: string | undefined;
    const run = await timed(async () => {
      for await (const line of importCommands(readLines(input.file), {
        onError: 'continue',
        language: 'en',
        actor: ADMIN,
        submit: (envelope, actor) => runtime.commands.submit(envelope, actor),
      })) {
        if ('summary' in line) summary = line.summary;
        else if (!(line as ImportResultLine).ok) firstFailure ??= JSON.stringify(line);
      }
      await runtime.runner.catchUp();
    });
    if (!summary) throw new Error('the import ended without a summary');
    const commands = summary.applied + summary.duplicates + summary.failed;
    const events = Number((await runtime.events.headPosition()) ?? 0);
    return {
      commands,
      applied: summary.applied,
      failed: summary.failed,
      firstFailure,
      seconds: run.seconds,
      perSecond: commands / run.seconds,
      events,
    };
  } finally {
    await runtime.close();
  }
};

/** `sunshine rebuild-projections`: every read model dropped and the whole log replayed into it. */
export const rebuild = async (input: { dataDir: string }) => {
  const runtime = await openAsCli(input.dataDir);
  try {
    const events = Number((await runtime.events.headPosition()) ?? 0);
    const run = await timed(() => runtime.runner.rebuild());
    return {
      events,
      seconds: run.seconds,
      perSecond: events / run.seconds,
      projections: PROJECTIONS.map((p) => p.name),
    };
  } finally {
    await runtime.close();
  }
};

/**
 * Full integrity verification of the stored log as GET /api/v1/integrity/verify runs it
 * (IntegrityService.verify: every stored body re-hashed, every chain followed, the Merkle tree
 * rebuilt and held against every signed checkpoint). Where the ledger has no integrity service
 * yet, the integrity library's LogVerifier over the store's pages stands in.
 */
export const verify = async (input: { dataDir: string }) => {
  const runtime = await openAsCli(input.dataDir);
  try {
    const service = (runtime as Partial<Pick<Runtime, 'integrity'>>).integrity;
    const how = service ? 'IntegrityService.verify (the verify endpoint)' : "LogVerifier over the store's pages";
    const run = await timed(async () => {
      if (service) return service.verify();
      const { verifyLogAsync } = await import('@sunshine/integrity');
      return verifyLogAsync(storePages(runtime.events as SqliteEventStore, 5000));
    });
    const report = run.result;
    if (!report.ok) throw new Error(`verification failed: ${JSON.stringify(report.firstFailure)}`);
    return { events: report.events, seconds: run.seconds, perSecond: report.events / run.seconds, how };
  } finally {
    await runtime.close();
  }
};

async function* storePages(store: SqliteEventStore, pageSize: number): AsyncGenerator<StoredEvent> {
  let after: string | undefined;
  for (;;) {
    const page = store.readAllSync({ after, limit: pageSize });
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].position;
  }
}
