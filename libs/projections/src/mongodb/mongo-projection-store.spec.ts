import { randomBytes } from 'node:crypto';
import { MongoClient, ObjectId } from 'mongodb';
import { projectionStoreContract } from '../contract/projection-store.contract';
import { ProjectionStore } from '../store/projection-store.port';
import {
  Change,
  databaseNameOf,
  journalEntries,
  MongoProjectionStore,
  MongoProjectionStoreOptions,
  supportsTransactions,
  toStorable,
} from './mongo-projection-store';

const uri = process.env.MONGODB_URI;
const SKIPPED = 'MongoDB contract skipped: set MONGODB_URI to a server to run it';

/** One database per test, named for this run, dropped when the test ends. */
const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let databases = 0;
const nextDatabase = () => `sunshine_test_${run}_${++databases}`;

const dropDatabase = async (url: string, dbName: string) => {
  const client = await MongoClient.connect(url);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
};

if (uri) {
  jest.setTimeout(60_000);
  const harness = (commitMode: MongoProjectionStoreOptions['commitMode']) => () => {
    const dbName = nextDatabase();
    const open = () => MongoProjectionStore.connect(uri, { dbName, commitMode });
    return {
      open,
      reopen: async (store: ProjectionStore) => {
        await store.close();
        return open();
      },
      dispose: () => dropDatabase(uri, dbName),
    };
  };
  projectionStoreContract(
    'mongodb (transactions on a replica set, the journal on a standalone server)',
    harness('auto'),
    { durable: true, rebuildsAside: false },
  );
  projectionStoreContract('mongodb (the redo journal, as on a standalone server)', harness('journal'), {
    durable: true,
    rebuildsAside: false,
  });

  describe('mongo projection store, after a crash (against the server)', () => {
    let dbName: string;
    let raw: MongoClient;
    beforeEach(async () => {
      dbName = nextDatabase();
      raw = await MongoClient.connect(uri);
      // Creates the collections, as a store that ran before the crash would have.
      await (await MongoProjectionStore.connect(uri, { dbName, commitMode: 'journal' })).close();
    });
    afterEach(async () => {
      await raw.db(dbName).dropDatabase();
      await raw.close();
    });

    const commit = (key: string, position: string): Change => ({
      kind: 'commit',
      projection: 'ledger',
      writes: [{ key, category: 'village', doc: { key } }],
      checkpoint: { position, version: 1 },
    });

    it('finishes a sealed batch on connect: its documents and checkpoint land together', async () => {
      await raw
        .db(dbName)
        .collection('journal')
        .insertMany(journalEntries(commit('v-1', '7'), new ObjectId()));
      const store = await MongoProjectionStore.connect(uri, { dbName });
      try {
        expect(await store.get('v-1')).toEqual({ key: 'v-1' });
        expect(await store.checkpoint('ledger')).toEqual({ position: '7', version: 1 });
        expect(await raw.db(dbName).collection('journal').countDocuments()).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('drops a batch that was never sealed: nothing of it lands', async () => {
      const entries = journalEntries(commit('v-2', '8'), new ObjectId());
      await raw.db(dbName).collection('journal').insertMany(entries.slice(0, -1));
      const store = await MongoProjectionStore.connect(uri, { dbName });
      try {
        expect(await store.get('v-2')).toBeUndefined();
        expect(await store.checkpoint('ledger')).toBeUndefined();
        expect(await raw.db(dbName).collection('journal').countDocuments()).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
} else {
  // No MongoDB server can run on this machine or in CI here; the skipped suite's title says so and how to run it.
  describe.skip(SKIPPED, () => {
    it('runs the projection store contract and the crash-recovery tests against a MongoDB server', () => undefined);
  });
  console.info(`${SKIPPED}. The unit tests of the pure parts below ran without a server.`);
}

describe('mongo projection store (pure: runs without a server)', () => {
  it('takes the database the connection string names', () => {
    expect(databaseNameOf('mongodb://localhost:27017/sunshine')).toBe('sunshine');
    expect(databaseNameOf('mongodb://u:p%40ss@a:1,b:2/ledger?replicaSet=rs0')).toBe('ledger');
    expect(databaseNameOf('mongodb+srv://cluster.example.com/%E9%98%B3%E5%85%89?retryWrites=true')).toBe('阳光');
    expect(databaseNameOf('mongodb://localhost:27017')).toBeUndefined();
    expect(databaseNameOf('mongodb://localhost:27017/')).toBeUndefined();
    expect(databaseNameOf('mongodb://localhost:27017/?replicaSet=rs0')).toBeUndefined();
  });

  it('uses transactions on a replica set member or a mongos, not on a standalone server', () => {
    expect(supportsTransactions({ isWritablePrimary: true, setName: 'rs0' })).toBe(true);
    expect(supportsTransactions({ isWritablePrimary: true, msg: 'isdbgrid' })).toBe(true);
    expect(supportsTransactions({ isWritablePrimary: true, maxWireVersion: 21 })).toBe(false);
  });

  it('stores the JSON form of a document and refuses what JSON cannot hold', () => {
    expect(toStorable({ a: 1, gone: undefined, when: new Date('2026-01-01T00:00:00Z'), text: '东风村' })).toEqual({
      a: 1,
      when: '2026-01-01T00:00:00.000Z',
      text: '东风村',
    });
    expect(toStorable(null)).toBeNull();
    expect(() => toStorable({ amount: BigInt(1) })).toThrow(TypeError);
    expect(() => toStorable(undefined)).toThrow(TypeError);
  });

  it('journals a commit as chunks of its writes under the size limit, the seal last', () => {
    const writes = Array.from({ length: 30 }, (_, i) => ({
      key: `k-${i}`,
      category: 'c',
      doc: { text: 'x'.repeat(1000) },
    }));
    const batch = new ObjectId();
    const entries = journalEntries(
      { kind: 'commit', projection: 'p', writes, checkpoint: { position: '9', version: 1 } },
      batch,
      10_000,
    );
    const chunks = entries.slice(0, -1);
    const seal = entries[entries.length - 1];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => ('writes' in c ? c.writes : []))).toEqual(writes);
    expect(chunks.map((c) => ('seq' in c ? c.seq : -1))).toEqual(chunks.map((_, i) => i));
    expect(seal).toEqual({
      batch,
      seal: true,
      chunks: chunks.length,
      change: { kind: 'commit', projection: 'p', checkpoint: { position: '9', version: 1 } },
    });
  });

  it('journals a reset as its seal alone', () => {
    const batch = new ObjectId();
    expect(journalEntries({ kind: 'reset', projection: 'p', categories: ['a', 'b'] }, batch)).toEqual([
      { batch, seal: true, chunks: 0, change: { kind: 'reset', projection: 'p', categories: ['a', 'b'] } },
    ]);
  });
});
