import { DocumentWrite, ProjectionStore, RebuildTarget } from '../store/projection-store.port';

/** How a contract run gets a store: a fresh empty one, and (if it keeps data) the same one reopened. */
export interface ProjectionStoreHarness {
  open(): Promise<ProjectionStore>;
  /** Closes the store and opens the same data again, as after a restart. Absent: the store keeps nothing. */
  reopen?(store: ProjectionStore): Promise<ProjectionStore>;
  dispose?(): Promise<void>;
}

export interface ProjectionStoreContractOptions {
  /** The store keeps its data across a reopen (the harness then has `reopen`). */
  durable: boolean;
  /** The store can rebuild projections aside (`rebuildAside`). */
  rebuildsAside: boolean;
}

const put = (key: string, category: string, doc: unknown): DocumentWrite => ({ key, category, doc });
const remove = (key: string, category: string): DocumentWrite => ({ key, category, doc: undefined });
const at = (position: string, version = 1) => ({ position, version });

const collect = async <Doc>(docs: AsyncIterable<Doc>): Promise<Doc[]> => {
  const all: Doc[] = [];
  for await (const doc of docs) all.push(doc);
  return all;
};

/** The behaviour every projection store adapter must show. A new adapter starts by running this. */
export const projectionStoreContract = (
  name: string,
  harness: () => ProjectionStoreHarness,
  options: ProjectionStoreContractOptions,
): void =>
  describe(`projection store contract: ${name}`, () => {
    let h: ProjectionStoreHarness;
    let store: ProjectionStore;

    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      await store.close();
      await h.dispose?.();
    });

    describe('documents', () => {
      it('puts, overwrites and deletes documents through commits', async () => {
        expect(await store.get('village-1')).toBeUndefined();
        await store.commit('ledger', [put('village-1', 'village', { balance: 100 })], at('1'));
        expect(await store.get('village-1')).toEqual({ balance: 100 });
        await store.commit('ledger', [put('village-1', 'village', { balance: 250 })], at('2'));
        expect(await store.get('village-1')).toEqual({ balance: 250 });
        await store.commit('ledger', [remove('village-1', 'village')], at('3'));
        expect(await store.get('village-1')).toBeUndefined();
        expect(await collect(store.scan('village'))).toEqual([]);
      });

      it('applies the writes of one commit in order, so the last write of a key wins', async () => {
        await store.commit(
          'ledger',
          [
            put('k', 'c', { n: 1 }),
            put('k', 'c', { n: 2 }),
            remove('gone', 'c'),
            put('gone', 'c', { n: 3 }),
            remove('gone', 'c'),
          ],
          at('1'),
        );
        expect(await store.get('k')).toEqual({ n: 2 });
        expect(await store.get('gone')).toBeUndefined();
      });

      it('moves a document to the category of its latest write', async () => {
        await store.commit('p', [put('doc-1', 'draft', { v: 1 })], at('1'));
        await store.commit('p', [put('doc-1', 'final', { v: 2 })], at('2'));
        expect(await collect(store.scan('draft'))).toEqual([]);
        expect(await collect(store.scan('final'))).toEqual([{ v: 2 }]);
      });

      it('keeps a document as it was at commit: later changes to the caller object do not reach the store', async () => {
        const doc = { entries: [{ amount: 1 }] };
        await store.commit('p', [put('k', 'c', doc)], at('1'));
        doc.entries.push({ amount: 2 });
        expect(await store.get('k')).toEqual({ entries: [{ amount: 1 }] });
      });

      it('keeps Chinese text, large integers, decimals and free-text keys exactly', async () => {
        const doc = {
          township: '示范镇',
          investor: '华东汽配有限公司（外资）',
          signed: { CNY: Number.MAX_SAFE_INTEGER, USD: 2900000000 },
          negative: -Number.MAX_SAFE_INTEGER,
          outputs: { 'rural-road-km': 116.7, ratio: 0.7723 },
          // Sectors are free text: a key may hold a dot or start with a dollar sign.
          bySector: { 汽车零部件: { signings: 9 }, 'a.b': { signings: 1 }, $other: { signings: 2 } },
          nested: { list: [1, 'two', null, true, false, [], {}] },
          empty: '',
        };
        await store.commit('summary', [put('term-2008-2013', 'term-summary', doc)], at('1'));
        expect(await store.get('term-2008-2013')).toEqual(doc);
        expect(await collect(store.scan('term-summary'))).toEqual([doc]);
      });

      it('deletes a document that does not exist without complaint', async () => {
        await store.commit('p', [remove('never-written', 'c')], at('1'));
        expect(await store.checkpoint('p')).toEqual(at('1'));
      });
    });

    describe('checkpoints', () => {
      it('moves a projection checkpoint with each commit, writes or none', async () => {
        expect(await store.checkpoint('ledger')).toBeUndefined();
        await store.commit('ledger', [put('a', 'c', {})], at('00000000000000000010-00000000000000000008', 3));
        expect(await store.checkpoint('ledger')).toEqual(at('00000000000000000010-00000000000000000008', 3));
        await store.commit('ledger', [], at('11', 3));
        expect(await store.checkpoint('ledger')).toEqual(at('11', 3));
      });

      it('keeps each projection checkpoint apart', async () => {
        await store.commit('ledger', [], at('5'));
        await store.commit('summary', [], at('9', 2));
        expect(await store.checkpoint('ledger')).toEqual(at('5'));
        expect(await store.checkpoint('summary')).toEqual(at('9', 2));
      });

      it('applies nothing of a commit that fails: neither its documents nor its checkpoint', async () => {
        await store.commit('ledger', [put('a', 'c', { n: 1 })], at('1'));
        // A document no store can keep (a BigInt, a Symbol), after one it can: the commit must fail whole.
        const unstorable = { amount: BigInt(1), tag: Symbol('not data') };
        await expect(
          store.commit(
            'ledger',
            [put('a', 'c', { n: 2 }), put('b', 'c', { n: 2 }), put('bad', 'c', unstorable)],
            at('2'),
          ),
        ).rejects.toThrow();
        expect(await store.get('a')).toEqual({ n: 1 });
        expect(await store.get('b')).toBeUndefined();
        expect(await store.checkpoint('ledger')).toEqual(at('1'));
      });
    });

    describe('scanning a category', () => {
      it('returns the documents of one category only, in key order', async () => {
        const keys = ['village-b', 'village-a', 'village-c', 'village-aa', 'village-东风', 'village-A'];
        await store.commit(
          'p',
          keys.map((key) => put(key, 'village', { key })),
          at('1'),
        );
        await store.commit(
          'p',
          [put('village-0', 'other', { key: 'village-0' }), put('zzz', 'other', { key: 'zzz' })],
          at('2'),
        );
        const scanned = await collect(store.scan<{ key: string }>('village'));
        expect(scanned.map((d) => d.key)).toEqual([...keys].sort());
        expect(await collect(store.scan('nothing'))).toEqual([]);
      });

      it('returns only the keys that start with a prefix, even with neighbours on either side', async () => {
        const keys = [
          'ledger-v1',
          'ledger-v1-entry-1',
          'ledger-v1-entry-2',
          'ledger-v10-entry-1',
          'ledger-v2-entry-1',
          'ledger-u9',
          'ledger-v1.',
          'ledger-v1~',
        ];
        await store.commit(
          'p',
          keys.map((key) => put(key, 'entry', { key })),
          at('1'),
        );
        await store.commit('p', [put('ledger-v1-entry-3', 'other', { key: 'ledger-v1-entry-3' })], at('2'));
        const scanned = await collect(store.scan<{ key: string }>('entry', { prefix: 'ledger-v1-' }));
        expect(scanned.map((d) => d.key)).toEqual(['ledger-v1-entry-1', 'ledger-v1-entry-2']);
        const wider = await collect(store.scan<{ key: string }>('entry', { prefix: 'ledger-v1' }));
        expect(wider.map((d) => d.key)).toEqual(keys.filter((k) => k.startsWith('ledger-v1')).sort());
        expect(await collect(store.scan('entry', { prefix: 'ledger-w' }))).toEqual([]);
      });

      it('resumes after a key, within a prefix or not, as the next page of a list does', async () => {
        const keys = ['log-a', 'log-b', 'log-b-1', 'log-b/1', 'log-c', 'log-东'];
        await store.commit(
          'p',
          keys.map((key) => put(key, 'page', { key })),
          at('1'),
        );
        const after = async (from: string, prefix?: string) =>
          (await collect(store.scan<{ key: string }>('page', { after: from, prefix }))).map((d) => d.key);
        expect(await after('log-b')).toEqual(['log-b-1', 'log-b/1', 'log-c', 'log-东']);
        expect(await after('log-b-1', 'log-b')).toEqual(['log-b/1']);
        expect(await after('log-c')).toEqual(['log-东']);
        expect(await after('a', 'log-c')).toEqual(['log-c']);
        expect(await after('log-东')).toEqual([]);
      });

      it('pages through more than 2,500 documents in key order, reading as it goes', async () => {
        const count = 2600;
        const key = (i: number) => `doc-${String(i).padStart(5, '0')}`;
        for (let from = 0; from < count; from += 1000) {
          const writes = Array.from({ length: Math.min(1000, count - from) }, (_, j) =>
            put(key(from + j), 'bulk', { i: from + j }),
          );
          await store.commit('p', writes, at(String(from)));
        }
        const seen: number[] = [];
        for await (const doc of store.scan<{ i: number }>('bulk')) {
          seen.push(doc.i);
          // A paged scan reads each page when it gets there: a change made now to a later page shows.
          if (doc.i === 0)
            await store.commit('p', [put(key(2550), 'bulk', { i: -1 }), remove(key(2551), 'bulk')], at('x'));
        }
        const expected = Array.from({ length: count }, (_, i) => i)
          .filter((i) => i !== 2551)
          .map((i) => (i === 2550 ? -1 : i));
        expect(seen).toEqual(expected);
      });

      it('can be left part-way without holding anything up', async () => {
        await store.commit(
          'p',
          Array.from({ length: 1500 }, (_, i) => put(`k-${String(i).padStart(4, '0')}`, 'c', { i })),
          at('1'),
        );
        let read = 0;
        for await (const doc of store.scan('c')) {
          void doc;
          if (++read === 10) break;
        }
        await store.commit('p', [put('k-9999', 'c', { i: 9999 })], at('2'));
        expect(await store.get('k-9999')).toEqual({ i: 9999 });
      });
    });

    describe('reset', () => {
      it('removes every document of the given categories and the projection checkpoint, nothing else', async () => {
        await store.commit(
          'summary',
          [put('s-1', 'term-summary', { n: 1 }), put('e-1', 'evidence', { n: 1 })],
          at('7'),
        );
        await store.commit('ledger', [put('v-1', 'village', { n: 1 })], at('8'));
        await store.reset('summary', ['term-summary', 'evidence']);
        expect(await store.get('s-1')).toBeUndefined();
        expect(await store.get('e-1')).toBeUndefined();
        expect(await collect(store.scan('term-summary'))).toEqual([]);
        expect(await store.checkpoint('summary')).toBeUndefined();
        expect(await store.get('v-1')).toEqual({ n: 1 });
        expect(await store.checkpoint('ledger')).toEqual(at('8'));
        await store.commit('summary', [put('s-1', 'term-summary', { n: 2 })], at('1'));
        expect(await store.get('s-1')).toEqual({ n: 2 });
      });

      it('resets a projection that has nothing yet', async () => {
        await store.reset('fresh', ['none']);
        expect(await store.checkpoint('fresh')).toBeUndefined();
      });
    });

    describe('rebuilding aside', () => {
      // A store that cannot rebuild aside is reset in place by the runner: these cases are not its to pass.
      const aside = options.rebuildsAside ? it : () => undefined;
      if (!options.rebuildsAside)
        it('offers no rebuild aside (the runner resets it in place, and each flush commits with its checkpoint)', () =>
          expect(store.rebuildAside).toBeUndefined());
      const summary = { name: 'summary', categories: ['term-summary', 'evidence'] };
      const begin = (s: ProjectionStore): Promise<RebuildTarget> => {
        if (!s.rebuildAside)
          throw new Error(`the ${name} harness says the store rebuilds aside but it has no rebuildAside`);
        return s.rebuildAside([summary]);
      };
      const seed = async () => {
        await store.commit(
          'summary',
          [put('s-1', 'term-summary', { n: 1 }), put('e-1', 'evidence', { n: 1 })],
          at('7'),
        );
        await store.commit('ledger', [put('v-1', 'village', { n: 1 })], at('8'));
      };

      aside(
        'shows the old documents until complete, then exactly the rebuilt ones, keeping other projections',
        async () => {
          await seed();
          const rebuild = await begin(store);
          expect(await rebuild.get('s-1')).toBeUndefined();
          await rebuild.commit(
            'summary',
            [put('s-2', 'term-summary', { n: 2 }), put('s-3', 'term-summary', { n: 3 })],
            at('9'),
          );
          await rebuild.commit(
            'summary',
            [put('s-2', 'term-summary', { n: 22 }), remove('s-3', 'term-summary')],
            at('10'),
          );
          expect(await rebuild.get('s-2')).toEqual({ n: 22 });
          expect(await store.get('s-1')).toEqual({ n: 1 });
          expect(await store.get('s-2')).toBeUndefined();
          await rebuild.complete();
          expect(await collect(store.scan('term-summary'))).toEqual([{ n: 22 }]);
          expect(await collect(store.scan('evidence'))).toEqual([]);
          expect(await store.checkpoint('summary')).toEqual(at('10'));
          expect(await collect(store.scan('village'))).toEqual([{ n: 1 }]);
          expect(await store.checkpoint('ledger')).toEqual(at('8'));
          await store.commit('summary', [put('s-4', 'term-summary', { n: 4 })], at('11'));
          expect(await store.get('s-4')).toEqual({ n: 4 });
        },
      );

      aside(
        'marks the old checkpoint stale at once, and leaves the documents as they were when abandoned',
        async () => {
          await seed();
          const rebuild = await begin(store);
          expect(await store.checkpoint('summary')).toEqual(at('7', -1));
          await rebuild.commit('summary', [put('s-2', 'term-summary', { n: 2 })], at('9'));
          await rebuild.abandon();
          expect(await store.get('s-1')).toEqual({ n: 1 });
          expect(await store.get('s-2')).toBeUndefined();
          expect(await store.checkpoint('summary')).toEqual(at('7', -1));
          expect(await store.checkpoint('ledger')).toEqual(at('8'));
        },
      );

      (options.rebuildsAside && options.durable ? it : () => undefined)(
        'keeps the old documents, stale, when a rebuild is cut short by a restart',
        async () => {
          if (!h.reopen) throw new Error(`the ${name} harness says the store is durable but cannot reopen it`);
          await seed();
          const rebuild = await begin(store);
          await rebuild.commit('summary', [put('s-2', 'term-summary', { n: 2 })], at('9'));
          store = await h.reopen(store);
          expect(await store.get('s-1')).toEqual({ n: 1 });
          expect(await store.get('s-2')).toBeUndefined();
          expect(await store.checkpoint('summary')).toEqual(at('7', -1));
          expect(await store.checkpoint('ledger')).toEqual(at('8'));
        },
      );
    });

    describe('durability', () => {
      (options.durable ? it : it.skip)(
        options.durable
          ? 'keeps documents and checkpoints across a reopen'
          : `keeps documents and checkpoints across a reopen (skipped: ${name} keeps nothing across a reopen)`,
        async () => {
          if (!h.reopen) throw new Error(`the ${name} harness says the store is durable but cannot reopen it`);
          await store.commit(
            'ledger',
            [put('v-1', 'village', { balance: 100, name: '东风村' }), put('v-2', 'village', { balance: 5 })],
            at('42', 2),
          );
          store = await h.reopen(store);
          expect(await store.get('v-1')).toEqual({ balance: 100, name: '东风村' });
          expect(await collect(store.scan('village'))).toHaveLength(2);
          expect(await store.checkpoint('ledger')).toEqual(at('42', 2));
        },
      );
    });
  });
