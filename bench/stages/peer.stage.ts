import { createRequire } from 'node:module';
import { join } from 'node:path';
import { closedLoop, ThroughputResult } from '../harness/measure';
import { PEER_DIR } from '../harness/peer';
import { cycledRow, loadRows } from './stored-rows';

/** The slice of @event-driven-io/emmett-sqlite the benchmark uses. */
interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): PeerConnection;
  getSQLiteEventStore(options: { fileName: string; connectionOptions?: { singleton: true; connection: PeerConnection } }): {
    appendToStream(stream: string, events: { type: string; data: unknown; metadata?: unknown }[]): Promise<unknown>;
  };
}

interface PeerConnection {
  command(sql: string): Promise<unknown>;
  querySingle<T>(sql: string): Promise<T | null>;
  close(): void;
}

const loadEmmett = (): EmmettSqlite => createRequire(join(PEER_DIR, 'package.json'))('@event-driven-io/emmett-sqlite') as EmmettSqlite;

export interface PeerInput {
  source: string;
  dir: string;
  warmupSeconds: number;
  seconds: number;
  /** `pooled`: emmett's default (a connection per operation); `singleton`: one connection kept open. */
  connection: 'pooled' | 'singleton';
}

/**
 * Single appends, one caller, each awaited: `appendToStream` of one event whose type, data and
 * metadata are those our store holds for the same event. WAL is emmett's own setting; synchronous
 * is set to FULL on the kept connection, and read back from a fresh one for the pooled default.
 */
export const singleAppends = async (input: PeerInput): Promise<ThroughputResult & { pragmas: string }> => {
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
  const store = emmett.getSQLiteEventStore(kept ? { fileName, connectionOptions: { singleton: true, connection: kept } } : { fileName });
  let i = 0;
  const result = await closedLoop({
    workers: 1,
    warmupSeconds: input.warmupSeconds,
    seconds: input.seconds,
    op: async () => {
      const n = i++;
      const row = cycledRow(rows, n);
      const event = payload[n % payload.length];
      await store.appendToStream(row.stream, [event]);
      return true;
    },
  });
  const connection = kept ?? emmett.sqliteConnection({ fileName });
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  connection.close();
  return { ...result, pragmas: `journal_mode=${journal?.journal_mode}, synchronous=${synchronous?.synchronous}` };
};
