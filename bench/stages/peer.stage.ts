import { createRequire } from 'node:module';
import { join } from 'node:path';
import { closedLoop, ThroughputResult } from '../harness/measure';
import { PEER_DIR } from '../harness/peer';
import { cycledRow, loadRows } from './stored-rows';

/** The slice of @event-driven-io/emmett-sqlite the benchmark uses. */
interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): PeerConnection;
  getSQLiteEventStore(options: {
    fileName: string;
    connectionOptions?: { singleton: true; connection: PeerConnection };
  }): {
    appendToStream(stream: string, events: { type: string; data: unknown; metadata?: unknown }[]): Promise<unknown>;
  };
}

interface PeerConnection {
  command(sql: string): Promise<unknown>;
  querySingle<T>(sql: string): Promise<T | null>;
  close(): void;
}

const loadEmmett = (): EmmettSqlite =>
  createRequire(join(PEER_DIR, 'package.json'))('@event-driven-io/emmett-sqlite') as EmmettSqlite;

export interface PeerInput {
  source: string;
  dir: string;
  warmupSeconds: number;
  seconds: number;
  /** `pooled`: emmett's default (a connection per operation); `singleton`: one connection kept open. */
  connection: 'pooled' | 'singleton';
}

export type PeerResult = ThroughputResult & { pragmas: string; retries: number };

/**
 * emmett-sqlite's `sqliteConnection` sends `PRAGMA journal_mode = WAL` without awaiting it, on a
 * node-sqlite3 connection in its default parallel mode. node-sqlite3's `run` steps a statement
 * once and finalizes it afterwards; a journal_mode pragma counts as a writing statement while it
 * is unfinalized, so a `COMMIT` that overtakes it fails with this error, and emmett rolls the
 * append back. The pooled default opens a connection per append, so it happens about once in a
 * thousand or so appends (the kept connection only on its first). A caller retries it.
 */
const overtookOwnPragma = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { code?: string }).code === 'SQLITE_BUSY' &&
  error.message.includes('SQL statements in progress');

const MAX_ATTEMPTS = 5;

/**
 * Single appends, one caller, each awaited: `appendToStream` of one event whose type, data and
 * metadata are those our store holds for the same event. WAL is emmett's own setting; synchronous
 * is set to FULL on the kept connection, and read back from a fresh one for the pooled default.
 * An append rolled back by the race above is retried; its latency includes the failed attempt.
 */
export const singleAppends = async (input: PeerInput): Promise<PeerResult> => {
  const emmett = loadEmmett();
  const rows = loadRows(input.source);
  const payload = rows.map((row) => {
    const body = JSON.parse(row.body) as { data: unknown; metadata: Record<string, unknown> };
    return { type: row.type, data: body.data, metadata: { ...body.metadata, hash: row.hash } };
  });
  const fileName = join(input.dir, `emmett-${input.connection}.db`);
  // The pooled default opens and closes a connection per operation: no other connection may stay
  // open meanwhile (the last one to close checkpoints the WAL, part of what that default costs).
  const kept = input.connection === 'singleton' ? emmett.sqliteConnection({ fileName }) : undefined;
  if (kept) await kept.command('PRAGMA synchronous = FULL');
  const store = emmett.getSQLiteEventStore(
    kept ? { fileName, connectionOptions: { singleton: true, connection: kept } } : { fileName },
  );
  let i = 0;
  let retries = 0;
  // emmett console.logs every error that rolls a transaction back; the retried ones are counted instead.
  const log = console.log;
  console.log = (...args: unknown[]) => (args.length === 1 && overtookOwnPragma(args[0]) ? undefined : log(...args));
  const append = async (stream: string, event: (typeof payload)[number]): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(stream, [event]);
        return;
      } catch (error) {
        if (!overtookOwnPragma(error) || attempt === MAX_ATTEMPTS) throw error;
        retries++;
      }
    }
  };
  const result = await closedLoop({
    workers: 1,
    warmupSeconds: input.warmupSeconds,
    seconds: input.seconds,
    op: async () => {
      const n = i++;
      const row = cycledRow(rows, n);
      const event = payload[n % payload.length];
      await append(row.stream, event);
      return true;
    },
  }).finally(() => (console.log = log));
  const connection = kept ?? emmett.sqliteConnection({ fileName });
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  connection.close();
  return {
    ...result,
    retries,
    pragmas: `journal_mode=${journal?.journal_mode}, synchronous=${synchronous?.synchronous}`,
  };
};
