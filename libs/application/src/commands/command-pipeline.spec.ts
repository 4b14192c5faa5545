import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conflict } from '@sunshine/domain';
import { AppendRequest, EventStore, SqliteEventStore } from '@sunshine/event-store';
import { newEvent } from '@sunshine/event-store/contract/event-store.contract';
import { CommandEnvelope, CommandPipeline } from './command-pipeline';

const admin = { userId: 'admin', role: 'admin' as const };
const receipt = (
  entryId: string,
  commandId = `cmd-${entryId}`,
  expectedRevision?: number,
  voucherNo = `V-${entryId}`,
): CommandEnvelope => ({
  type: 'RecordReceipt',
  commandId,
  ...(expectedRevision === undefined ? {} : { expectedRevision }),
  data: {
    villageId: 'dongcun',
    entryId,
    amount: { currency: 'CNY', minor: 100 },
    category: 'donation',
    counterparty: '乡贤',
    voucherNo,
    on: '2020-01-01',
  },
});

/**
 * Another writer gets in between this pipeline's read and its append, `times` times: the same
 * interleaving two server processes (or a remote store) produce, made deterministic here.
 */
const racedBy = (store: SqliteEventStore, times: number): EventStore => {
  let left = times;
  return Object.assign(Object.create(store) as EventStore, {
    appendNow: undefined,
    append: async (request: AppendRequest) => {
      if (left-- > 0 && request.stream === 'village-dongcun')
        await store.append({ stream: 'village-dongcun', expectedRevision: 'any', events: [newEvent('NoteAdded', {})] });
      return store.append(request);
    },
  });
};

describe('the command pipeline under concurrent writers', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-pipeline-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    await new CommandPipeline(store).execute(
      { type: 'RegisterVillage', commandId: 'v', data: { villageId: 'dongcun', name: '东村' } },
      admin,
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides again on the new state and appends when no expectedRevision was given', async () => {
    const outcome = await new CommandPipeline(racedBy(store, 3)).execute(receipt('E1'), admin);
    expect(outcome.result.revision).toBe(4);
    expect((await store.readStream('village-dongcun')).map((e) => e.type)).toEqual([
      'VillageRegistered',
      'NoteAdded',
      'NoteAdded',
      'NoteAdded',
      'ReceiptRecorded',
    ]);
  });

  it('answers a conflict at once when the client named the revision it decided on', async () => {
    await expect(new CommandPipeline(racedBy(store, 1)).execute(receipt('E1', 'c1', 0), admin)).rejects.toMatchObject({
      code: 'CONFLICT_STREAM_CHANGED',
    });
    expect(await store.readStream('village-dongcun')).toHaveLength(2);
  });

  it('gives up after a bounded number of retries', async () => {
    const pipeline = new CommandPipeline(racedBy(store, 100), { maxRetries: 5 });
    await expect(pipeline.execute(receipt('E1'), admin)).rejects.toBeInstanceOf(Conflict);
    expect((await store.readStream('village-dongcun')).filter((e) => e.type === 'ReceiptRecorded')).toHaveLength(0);
  });
});

describe('the command pipeline as the only writer', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-sole-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counting = () => {
    const reads: string[] = [];
    const counted = Object.assign(Object.create(store) as EventStore, {
      readStream: (stream: string, options?: { fromRevision?: number }) => {
        reads.push(stream);
        return store.readStream(stream, options);
      },
    });
    return { counted, reads };
  };

  it('decides from the state it folded itself, reading a stream only the first time', async () => {
    const { counted, reads } = counting();
    const pipeline = new CommandPipeline(counted, { soleWriter: true });
    await pipeline.execute(
      { type: 'RegisterVillage', commandId: 'v', data: { villageId: 'dongcun', name: '东村' } },
      admin,
    );
    for (const entry of ['E1', 'E2', 'E3']) await pipeline.execute(receipt(entry), admin);
    expect(reads.filter((s) => s === 'village-dongcun')).toHaveLength(1);
    // The folded state still enforces the rules: a voucher number is used once per village.
    await expect(pipeline.execute(receipt('E4', 'cmd-E4', undefined, 'V-E2'), admin)).rejects.toMatchObject({
      kind: 'conflict',
      field: 'data.voucherNo',
    });
    expect(await store.readStream('village-dongcun')).toHaveLength(4);
  });

  it('reads every time when other writers may append', async () => {
    const { counted, reads } = counting();
    const pipeline = new CommandPipeline(counted);
    await pipeline.execute(
      { type: 'RegisterVillage', commandId: 'v', data: { villageId: 'dongcun', name: '东村' } },
      admin,
    );
    for (const entry of ['E1', 'E2', 'E3']) await pipeline.execute(receipt(entry), admin);
    expect(reads.filter((s) => s === 'village-dongcun')).toHaveLength(4);
  });
});
