import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CheckpointStore,
  Config,
  hashPages,
  loadConfig,
  openRuntime,
  ReadSide,
  Runtime,
  StoreLocked,
} from '@sunshine/application';
import { EventStore, SqliteEventStore } from '@sunshine/event-store';
import { MerkleTree } from '@sunshine/integrity';
import { PROJECTIONS, recordsProjection, SqliteProjectionStore } from '@sunshine/projections';
import type { LogStateReader } from '@sunshine/reports';
import { integrityLogState } from '../../api/src/queries/log-state';
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

/** What a read-only command needs: the log, the read side and the tree head for a report's stamp. */
export interface Reader {
  config: Config;
  events: EventStore;
  readSide: ReadSide;
  log: LogStateReader;
  clock: () => Date;
}

/**
 * The tree head of a log read beside its writer: the tree is built from the stored hashes up to
 * the position, and the latest checkpoint the writer signed is read from its store.
 */
const treeOfStoredLog = (events: EventStore, checkpointsFile: string): LogStateReader => ({
  logState: async (position) => {
    const tree = new MerkleTree();
    if (position !== null)
      for await (const page of hashPages(events)) {
        for (const { position: at, hash } of page)
          if (events.comparePositions(at, position) <= 0) tree.appendEventHash(hash);
        if (events.comparePositions(page[page.length - 1].position, position) >= 0) break;
      }
    let checkpoint = null;
    if (existsSync(checkpointsFile)) {
      const store = new CheckpointStore(checkpointsFile, { readonly: true });
      checkpoint = store.latest() ?? null;
      store.close();
    }
    return { treeSize: tree.size, rootHex: tree.size === 0 ? null : tree.root(), checkpoint };
  },
});

/**
 * The embedded stores of a data directory another process holds (a running server), opened
 * read-only beside it without its lock: SQLite readers are safe beside a WAL writer. The read
 * models are read as that process last committed them (their position is in the stamp).
 */
const openBeside = async (config: Config, locked: StoreLocked): Promise<{ reader: Reader; close(): Promise<void> }> => {
  if (config.eventStore !== 'sqlite' || config.readStore !== 'sqlite') throw locked;
  const events = new SqliteEventStore(join(config.dataDir, 'events.db'), { readonly: true });
  const reads = new SqliteProjectionStore(join(config.dataDir, 'read-models.db'), { readonly: true });
  const position = (await reads.checkpoint(recordsProjection.name))?.position;
  // Nothing here follows the log: the read models stand where the writer left them.
  const view = { position: () => position, observe: () => () => undefined };
  const clock = () => new Date();
  return {
    reader: {
      config,
      events,
      readSide: new ReadSide(events, reads, view, undefined, clock),
      log: treeOfStoredLog(events, join(config.dataDir, 'checkpoints.db')),
      clock,
    },
    close: async () => {
      await events.close();
      await reads.close();
    },
  };
};

/**
 * Runs a read-only command (`report`, `summary`, `ledger`, `replay`): on the stores themselves when
 * no other process holds them (the read models are caught up first), else read-only beside the
 * server that holds them.
 */
export const withReader = async <T>(work: (reader: Reader) => Promise<T>): Promise<T> => {
  let runtime: Runtime;
  try {
    runtime = await openForCommand();
  } catch (error) {
    if (!(error instanceof StoreLocked)) throw error;
    const beside = await openBeside(loadConfig(), error);
    try {
      return await work(beside.reader);
    } finally {
      await beside.close();
    }
  }
  try {
    return await work({ ...runtime, log: integrityLogState(runtime.integrity) });
  } finally {
    await runtime.close();
  }
};
