import { randomUUID } from 'node:crypto';
import { ChainedEvent, GENESIS_HASH, hashEventBody, verifyChain } from '@sunshine/integrity';
import { AppendRequest, EventStore, NewEvent, StoredEvent, WrongExpectedRevision } from '../event-store.port';

/** How a contract run gets a store: a fresh empty one, and the same one reopened from disk. */
export interface EventStoreHarness {
  open(): Promise<EventStore>;
  /** Closes the store and opens the same data again, as after a restart. */
  reopen(store: EventStore): Promise<EventStore>;
  dispose?(): Promise<void>;
}

export const newEvent = (
  type = 'ThingHappened',
  data: unknown = { n: 1 },
  commandId = `cmd-${randomUUID()}`,
): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: {
    commandId,
    actor: { userId: 'clerk-1', role: 'clerk' },
    occurredOn: '2009-06-18',
    correlationId: commandId,
    causationId: commandId,
    schemaVersion: 1,
  },
});

const append = (store: EventStore, stream: string, expectedRevision: AppendRequest['expectedRevision'], count = 1) =>
  store.append({
    stream,
    expectedRevision,
    events: Array.from({ length: count }, (_, i) => newEvent('ThingHappened', { i })),
  });

const readEverything = async (store: EventStore, pageSize = 1000): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return all;
    expect(page.length).toBeLessThanOrEqual(pageSize);
    all.push(...page);
    after = page[page.length - 1].position;
  }
};

const asChained = (e: StoredEvent): ChainedEvent => e as unknown as ChainedEvent;

/** The behaviour every event store adapter must show. A new adapter starts by running this. */
export const eventStoreContract = (name: string, harness: () => EventStoreHarness): void =>
  describe(`event store contract: ${name}`, () => {
    let h: EventStoreHarness;
    let store: EventStore;

    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      await store.close();
      await h.dispose?.();
    });

    describe('optimistic concurrency', () => {
      it('creates a stream only when it does not exist, with no_stream', async () => {
        const first = await append(store, 's-1', 'no_stream');
        expect(first.status === 'appended' && first.result.revision).toBe(0);
        await expect(append(store, 's-1', 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect(await store.streamRevision('s-1')).toBe(0);
      });

      it('appends at an exact revision and refuses a stale one, appending nothing', async () => {
        await append(store, 's-1', 'no_stream');
        await append(store, 's-1', 0);
        const stale = append(store, 's-1', 0, 3);
        await expect(stale).rejects.toMatchObject({ stream: 's-1', expected: 0, actual: 1 });
        expect((await store.readStream('s-1')).map((e) => e.revision)).toEqual([0, 1]);
      });

      it('knows stream_exists and any', async () => {
        await expect(append(store, 'missing', 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedRevision);
        await append(store, 's-any', 'any');
        await append(store, 's-any', 'any');
        await append(store, 's-any', 'stream_exists');
        expect(await store.streamRevision('s-any')).toBe(2);
        expect(await store.streamRevision('missing')).toBeUndefined();
      });

      it('lets exactly one of many concurrent appends at one revision win', async () => {
        await append(store, 's-race', 'no_stream');
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => append(store, 's-race', 0)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(refused).toHaveLength(9);
        refused.forEach((r) => expect(r.reason).toBeInstanceOf(WrongExpectedRevision));
        expect(await store.streamRevision('s-race')).toBe(1);
      });

      it('appends several events atomically: all or none', async () => {
        await append(store, 's-batch', 'no_stream', 5);
        await expect(append(store, 's-batch', 'no_stream', 5)).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect(await store.readStream('s-batch')).toHaveLength(5);
        expect(await readEverything(store)).toHaveLength(5);
      });

      it('keeps concurrent appends to different streams whole and in one dense order', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => append(store, `s-${i}`, 'no_stream', 2)),
        );
        expect(outcomes.every((o) => o.status === 'appended')).toBe(true);
        const all = await readEverything(store);
        expect(all).toHaveLength(40);
        for (let i = 0; i < 20; i++)
          expect(all.filter((e) => e.stream === `s-${i}`).map((e) => e.revision)).toEqual([0, 1]);
      });
    });

    describe('metadata and the hash chain', () => {
      it('sets recordedAt, prevHash and hash on every event, chaining each stream from 64 zeros', async () => {
        await append(store, 'inv-1', 'no_stream', 2);
        await append(store, 'other', 'no_stream');
        await append(store, 'inv-1', 1);
        const events = await store.readStream('inv-1');
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
        expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
        expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
        for (const e of events) {
          expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
          const { hash, ...metadata } = e.metadata;
          expect(
            hashEventBody({
              eventId: e.eventId,
              stream: e.stream,
              revision: e.revision,
              type: e.type,
              data: e.data,
              metadata,
            }),
          ).toBe(hash);
          expect(Date.parse(e.metadata.recordedAt)).not.toBeNaN();
        }
        expect(verifyChain('inv-1', events.map(asChained))).toBeUndefined();
      });

      it('never lets recordedAt decrease along the log', async () => {
        for (let i = 0; i < 30; i++) await append(store, `t-${i % 3}`, 'any');
        const recorded = (await readEverything(store)).map((e) => e.metadata.recordedAt);
        expect([...recorded].sort()).toEqual(recorded);
      });

      it('stores data and metadata exactly as given, Chinese text and large integers included', async () => {
        const data = {
          investor: '华东汽配有限公司',
          amount: { currency: 'CNY', minor: 9007199254740991 },
          nested: { list: [1, 'two', null] },
        };
        const event = newEvent('InvestmentSigned', data);
        event.metadata.corrects = randomUUID();
        await store.append({ stream: 'investment-x', expectedRevision: 'no_stream', events: [event] });
        const [read] = await store.readStream('investment-x');
        expect(read.data).toEqual(data);
        expect(read).toMatchObject({
          eventId: event.eventId,
          type: 'InvestmentSigned',
          stream: 'investment-x',
          revision: 0,
        });
        expect(read.metadata).toMatchObject(event.metadata);
        expect(await store.findEvent(event.eventId)).toEqual(read);
        expect(await store.findEvent(randomUUID())).toBeUndefined();
      });
    });

    describe('reading the log', () => {
      it('reads the whole log in order, in pages after a position, with no gap and no repeat', async () => {
        for (let i = 0; i < 50; i++) await append(store, `p-${i % 7}`, 'any');
        const all = await readEverything(store, 7);
        expect(all).toHaveLength(50);
        expect(new Set(all.map((e) => e.eventId)).size).toBe(50);
        for (let i = 1; i < all.length; i++)
          expect(store.comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
        const after20 = await store.readAll({ after: all[19].position, limit: 5 });
        expect(after20.map((e) => e.eventId)).toEqual(all.slice(20, 25).map((e) => e.eventId));
        expect(await store.headPosition()).toBe(all[49].position);
        expect(await store.readAll({ after: all[49].position, limit: 10 })).toEqual([]);
      });

      it('reads a stream from a revision, with a limit', async () => {
        await append(store, 'r', 'no_stream', 10);
        expect((await store.readStream('r', { fromRevision: 4, limit: 3 })).map((e) => e.revision)).toEqual([4, 5, 6]);
        expect(await store.readStream('nothing-here')).toEqual([]);
      });

      it('reads a large log page by page', async () => {
        const batches = 200;
        for (let b = 0; b < batches; b++) await append(store, `big-${b % 10}`, 'any', 100);
        let count = 0;
        let after: string | undefined;
        let pages = 0;
        for (;;) {
          const page = await store.readAll({ after, limit: 1000 });
          if (!page.length) break;
          expect(page.length).toBeLessThanOrEqual(1000);
          count += page.length;
          pages++;
          after = page[page.length - 1].position;
        }
        expect(count).toBe(batches * 100);
        expect(pages).toBe(20);
        // 20,000 durable appends: a bound for a busy machine, not a speed target (the benchmark has those).
      }, 60_000);
    });

    describe('following the log', () => {
      it('catches up from a position, then receives new events live, until closed', async () => {
        await append(store, 'f', 'no_stream', 3);
        const [first] = await store.readAll({ limit: 1 });
        const subscription = store.subscribeToAll({ after: first.position });
        const received: StoredEvent[] = [];
        const reading = (async () => {
          for await (const event of subscription) {
            received.push(event);
            if (received.length === 4) break;
          }
        })();
        await new Promise((r) => setTimeout(r, 20));
        await append(store, 'f', 2, 1);
        await append(store, 'g', 'no_stream', 1);
        await reading;
        await subscription.close();
        expect(received.slice(0, 4).map((e) => `${e.stream}@${e.revision}`)).toEqual(['f@1', 'f@2', 'f@3', 'g@0']);
      });

      it('follows from the start and ends when closed', async () => {
        await append(store, 'h', 'no_stream', 2);
        const subscription = store.subscribeToAll();
        const seen: string[] = [];
        const reading = (async () => {
          for await (const event of subscription) seen.push(event.eventId);
        })();
        await new Promise((r) => setTimeout(r, 50));
        await subscription.close();
        await reading;
        expect(seen).toHaveLength(2);
      });
    });

    describe('commands', () => {
      it('remembers an accepted command with its result, in the same transaction as its events', async () => {
        const request = {
          stream: 'c',
          expectedRevision: 'no_stream' as const,
          events: [newEvent()],
          command: { commandId: 'cmd-1', fingerprint: 'f1' },
        };
        const first = await store.append(request);
        expect(first.status).toBe('appended');
        const again = await store.append({ ...request, events: [newEvent()] });
        expect(again).toMatchObject({ status: 'duplicate', receipt: { commandId: 'cmd-1', fingerprint: 'f1' } });
        if (first.status === 'appended' && again.status === 'duplicate')
          expect(again.receipt.result).toEqual(first.result);
        expect(await store.readStream('c')).toHaveLength(1);
        expect(await store.findCommand('cmd-1')).toMatchObject({ fingerprint: 'f1' });
        expect(await store.findCommand('cmd-2')).toBeUndefined();
      });

      it('does not remember a refused command', async () => {
        await append(store, 'c2', 'no_stream');
        const refused = store.append({
          stream: 'c2',
          expectedRevision: 'no_stream',
          events: [newEvent()],
          command: { commandId: 'cmd-r', fingerprint: 'f' },
        });
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect(await store.findCommand('cmd-r')).toBeUndefined();
      });

      it('applies a command sent twice at once only once', async () => {
        const send = () =>
          store.append({
            stream: 'c3',
            expectedRevision: 'any',
            events: [newEvent()],
            command: { commandId: 'cmd-twice', fingerprint: 'f' },
          });
        const outcomes = await Promise.all([send(), send(), send()]);
        expect(outcomes.filter((o) => o.status === 'appended')).toHaveLength(1);
        expect(await store.readStream('c3')).toHaveLength(1);
      });
    });

    describe('durability', () => {
      it('keeps every acknowledged event across a reopen, and the chain goes on', async () => {
        await append(store, 'd', 'no_stream', 3);
        await store.append({
          stream: 'e',
          expectedRevision: 'no_stream',
          events: [newEvent()],
          command: { commandId: 'cmd-d', fingerprint: 'f' },
        });
        const before = await readEverything(store);
        store = await h.reopen(store);
        expect(await readEverything(store)).toEqual(before);
        expect(await store.findCommand('cmd-d')).toBeDefined();
        await append(store, 'd', 2);
        const stream = await store.readStream('d');
        expect(verifyChain('d', stream.map(asChained))).toBeUndefined();
        expect(stream[3].metadata.prevHash).toBe(stream[2].metadata.hash);
      });
    });
  });
