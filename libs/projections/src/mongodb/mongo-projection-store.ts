import {
  AnyBulkWriteOperation,
  BSON,
  ClientSession,
  Collection,
  Db,
  Document,
  MongoClient,
  MongoServerError,
  ObjectId,
} from 'mongodb';
import { Position } from '@sunshine/event-store';
import { DocumentWrite, ProjectionStore, ScanOptions } from '../store/projection-store.port';

const PAGE = 1000;
/** Well under MongoDB's 16 MiB document limit, leaving room for the envelope. */
const JOURNAL_CHUNK_BYTES = 8 * 1024 * 1024;

export interface MongoProjectionStoreOptions {
  /** The database; by default the one the URI names, else `sunshine`. */
  dbName?: string;
  /**
   * How a commit is made atomic. `auto` (the default) asks the server: a replica set or a sharded
   * cluster gets transactions, a standalone server the redo journal. The other two force one.
   */
  commitMode?: 'auto' | 'transaction' | 'journal';
}

interface StoredDocument {
  _id: string;
  category: string;
  doc: unknown;
}

interface StoredCheckpoint {
  _id: string;
  position: Position;
  version: number;
}

/** A write as the journal keeps it: BSON has no `undefined`, so a removal says so. */
export interface JournalWrite {
  key: string;
  category: string;
  doc?: unknown;
  remove?: true;
}

/** One unit of change to the read store, applied whole or not at all. */
export type Change =
  | { kind: 'commit'; projection: string; writes: JournalWrite[]; checkpoint: { position: Position; version: number } }
  | { kind: 'reset'; projection: string; categories: string[] };

export type JournalEntry =
  | { batch: ObjectId; seq: number; writes: JournalWrite[] }
  | {
      batch: ObjectId;
      seal: true;
      chunks: number;
      change: Omit<Extract<Change, { kind: 'commit' }>, 'writes'> | Extract<Change, { kind: 'reset' }>;
    };

/** The database a connection string names (`mongodb://host/<db>?…`), if it names one. */
export const databaseNameOf = (uri: string): string | undefined => {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  return match && match[1] ? decodeURIComponent(match[1]) : undefined;
};

/** Transactions need a replica set member (`setName`) or a mongos (`msg: 'isdbgrid'`). */
export const supportsTransactions = (hello: Document): boolean =>
  typeof hello.setName === 'string' || hello.msg === 'isdbgrid';

/**
 * The document as every adapter stores it: its JSON form (undefined fields dropped, no class
 * instances). Fails on what JSON cannot hold, before anything is written.
 */
export const toStorable = (doc: unknown): unknown => {
  const json = JSON.stringify(doc);
  if (json === undefined) throw new TypeError(`a read model document must be JSON, not ${typeof doc}`);
  return JSON.parse(json) as unknown;
};

/** The journal entries of a change: its writes in chunks below the document size limit, then the seal. */
export const journalEntries = (change: Change, batch: ObjectId, chunkBytes = JOURNAL_CHUNK_BYTES): JournalEntry[] => {
  if (change.kind === 'reset') return [{ batch, seal: true, chunks: 0, change }];
  const chunks: JournalWrite[][] = [];
  let current: JournalWrite[] = [];
  let size = 0;
  for (const write of change.writes) {
    const bytes = BSON.calculateObjectSize(write);
    if (current.length > 0 && size + bytes > chunkBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(write);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  const { writes: _writes, ...rest } = change;
  return [
    ...chunks.map((writes, seq) => ({ batch, seq, writes })),
    { batch, seal: true, chunks: chunks.length, change: rest },
  ];
};

export class JournalDamaged extends Error {
  constructor(batch: ObjectId, expected: number, found: number) {
    super(
      `read store journal batch ${batch.toHexString()} is sealed with ${expected} chunks but holds ${found}; rebuild the projections`,
    );
    this.name = 'JournalDamaged';
  }
}

/**
 * The read store on MongoDB: collection `documents` (`_id` = key, `category`, `doc`, indexed by
 * category then key), `checkpoints` (`_id` = projection), and `journal` for standalone servers.
 *
 * A commit must move documents and checkpoint together, because the runner folds each event into
 * the stored document: documents ahead of their checkpoint would have events applied twice after
 * a crash. On a replica set (or sharded cluster) a commit is one transaction. A standalone server
 * has no transactions, so a commit is first written to the journal (its writes as whole documents,
 * then a seal — the seal is the commit point), then applied, then dropped from the journal. After
 * a crash, connect replays every sealed batch: its writes are whole-document overwrites and
 * deletes, so applying them again is harmless; an unsealed batch was never committed and is dropped.
 * Readers may see a batch half-applied on a standalone server, never after a crash.
 *
 * One process writes a read store (the ledger holds its data directory). Field names inside
 * documents may contain dots or start with `$` (free-text sectors): MongoDB 5.0 or later.
 */
export class MongoProjectionStore implements ProjectionStore {
  private readonly documents: Collection<StoredDocument>;
  private readonly checkpoints: Collection<StoredCheckpoint>;
  private readonly journal: Collection<JournalEntry>;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
    /** True when commits run in transactions, false when they go through the journal. */
    readonly transactions: boolean,
  ) {
    this.documents = db.collection<StoredDocument>('documents');
    this.checkpoints = db.collection<StoredCheckpoint>('checkpoints');
    this.journal = db.collection<JournalEntry>('journal');
  }

  static async connect(uri: string, options: MongoProjectionStoreOptions = {}): Promise<MongoProjectionStore> {
    const client = await MongoClient.connect(uri);
    try {
      const db = client.db(options.dbName ?? databaseNameOf(uri) ?? 'sunshine');
      const mode = options.commitMode ?? 'auto';
      const transactions =
        mode === 'auto' ? supportsTransactions(await db.admin().command({ hello: 1 })) : mode === 'transaction';
      const store = new MongoProjectionStore(client, db, transactions);
      await store.prepare();
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Creates what commits need (a transaction cannot create collections everywhere), then recovers. */
  private async prepare(): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const name of ['documents', 'checkpoints', 'journal'])
      if (!existing.has(name))
        await this.db.createCollection(name).catch((error: unknown) => {
          // Created meanwhile by another connection: what we wanted.
          if (!(error instanceof MongoServerError && error.code === 48)) throw error;
        });
    await this.documents.createIndex({ category: 1, _id: 1 }, { name: 'by_category' });
    await this.journal.createIndex({ batch: 1, seq: 1 }, { name: 'by_batch' });
    await this.recover();
  }

  /** Replays the batches sealed before a crash, in order, and drops what was never sealed. */
  private async recover(): Promise<void> {
    const seals = await this.journal.find({ seal: true }).sort({ batch: 1 }).toArray();
    for (const seal of seals) {
      if (!('seal' in seal)) continue;
      const chunks = await this.journal
        .find({ batch: seal.batch, seal: { $exists: false } })
        .sort({ seq: 1 })
        .toArray();
      if (chunks.length !== seal.chunks) throw new JournalDamaged(seal.batch, seal.chunks, chunks.length);
      const change: Change =
        seal.change.kind === 'reset'
          ? seal.change
          : { ...seal.change, writes: chunks.flatMap((c) => ('writes' in c ? c.writes : [])) };
      await this.apply(change);
      await this.journal.deleteMany({ batch: seal.batch });
    }
    await this.journal.deleteMany({});
  }

  async get<Doc>(key: string): Promise<Doc | undefined> {
    const row = await this.documents.findOne({ _id: key }, { projection: { doc: 1 } });
    return row ? (row.doc as Doc) : undefined;
  }

  async *scan<Doc>(category: string, options: ScanOptions = {}): AsyncIterable<Doc> {
    const prefix = options.prefix ?? '';
    const { after } = options;
    let range: { $gte: string } | { $gt: string } =
      after !== undefined && after >= prefix ? { $gt: after } : { $gte: prefix };
    for (;;) {
      // Keyset pages on (category, _id): each page is one short query, no cursor left open between.
      const rows = await this.documents
        .find({ category, _id: range }, { projection: { doc: 1 }, sort: { _id: 1 }, limit: PAGE })
        .toArray();
      for (const row of rows) {
        if (prefix && !row._id.startsWith(prefix)) return;
        yield row.doc as Doc;
      }
      if (rows.length < PAGE) return;
      range = { $gt: rows[rows.length - 1]._id };
    }
  }

  async checkpoint(projection: string): Promise<{ position: Position; version: number } | undefined> {
    const row = await this.checkpoints.findOne({ _id: projection });
    return row ? { position: row.position, version: row.version } : undefined;
  }

  async commit(
    projection: string,
    writes: DocumentWrite[],
    checkpoint: { position: Position; version: number },
  ): Promise<void> {
    const stored = writes.map(({ key, category, doc }): JournalWrite =>
      doc === undefined ? { key, category, remove: true } : { key, category, doc: toStorable(doc) },
    );
    await this.persist({
      kind: 'commit',
      projection,
      writes: stored,
      checkpoint: { position: checkpoint.position, version: checkpoint.version },
    });
  }

  async reset(projection: string, categories: string[]): Promise<void> {
    await this.persist({ kind: 'reset', projection, categories });
  }

  private async persist(change: Change): Promise<void> {
    if (this.transactions) {
      await this.client.withSession((session) => session.withTransaction(() => this.apply(change, session)));
      return;
    }
    const batch = new ObjectId();
    const entries = journalEntries(change, batch);
    // The seal goes last and alone: until it is written, the batch does not exist.
    for (const entry of entries) await this.journal.insertOne(entry);
    await this.apply(change);
    await this.journal.deleteMany({ batch });
  }

  private async apply(change: Change, session?: ClientSession): Promise<void> {
    if (change.kind === 'reset') {
      await this.documents.deleteMany({ category: { $in: change.categories } }, { session });
      await this.checkpoints.deleteOne({ _id: change.projection }, { session });
      return;
    }
    const operations: AnyBulkWriteOperation<StoredDocument>[] = change.writes.map((write) =>
      write.remove
        ? { deleteOne: { filter: { _id: write.key } } }
        : {
            replaceOne: {
              filter: { _id: write.key },
              replacement: { category: write.category, doc: write.doc },
              upsert: true,
            },
          },
    );
    // Ordered: a key written twice in one commit ends as its last write.
    if (operations.length > 0) await this.documents.bulkWrite(operations, { ordered: true, session });
    const { position, version } = change.checkpoint;
    await this.checkpoints.updateOne(
      { _id: change.projection },
      { $set: { position, version } },
      { upsert: true, session },
    );
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
