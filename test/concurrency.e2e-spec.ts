import { startTestApp, TestApp } from './support/test-app';
import {
  envelope,
  expenditureData,
  projectData,
  receiptData,
  record,
  recordTownship,
  registerUser,
  yuan,
} from './support/township';

/**
 * Commands sent at once on one stream. Without expectedRevision each is decided again on the
 * stream as it stands when another got there first; the balance rule holds whatever the order.
 */
describe('concurrent commands on one stream', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp();
    // One listening server for all requests: many in flight at once must share it.
    await t.app.listen(0, '127.0.0.1');
    await recordTownship(t);
    clerk = await registerUser(t, { userId: 'liu-kuaiji', name: '刘会计', role: 'clerk' });
  });
  afterAll(() => t.close());

  const ledger = async (villageId: string) => (await t.get(`/api/v1/villages/${villageId}/ledger`).expect(200)).body;
  const all = (envelopes: object[]) => Promise.all(envelopes.map((e) => t.command(e, clerk)));

  it('accepts forty receipts sent at once, each at its own revision, and the balance is exact', async () => {
    const V = 'lijiazhuang';
    const amounts = Array.from({ length: 40 }, (_, i) => 1_000_00 + i * 37_13); // 分, all different
    const responses = await all(
      amounts.map((minor, i) =>
        envelope('RecordReceipt', receiptData(V, `SR-2013-${i + 1}`, { currency: 'CNY', minor }, '2013-05-06')),
      ),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const revisions = responses.map((r) => r.body.revision as number);
    // VillageRegistered is revision 0; the forty receipts take 1 … 40, one each.
    expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(responses.map((r) => r.body.position)).size).toBe(40);

    const stored = await t.runtime.events.readStream(`village-${V}`);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    const book = await ledger(V);
    expect(book.balance).toEqual({ CNY: amounts.reduce((a, b) => a + b, 0) });
    expect(book.entries).toHaveLength(40);
  });

  it('never lets expenditures sent at once spend more than the cash: exactly as many as it covers are accepted', async () => {
    const V = 'wangjiawan';
    await record(t, 'RecordReceipt', receiptData(V, 'SR-2013-001', yuan(10_000), '2013-05-01'));
    const responses = await all(
      Array.from({ length: 30 }, (_, i) =>
        envelope('RecordExpenditure', expenditureData(V, `ZC-2013-${i + 1}`, yuan(500), '2013-05-06')),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(10).fill([422, 'RULE_VILLAGE_BALANCE_NEGATIVE']));
    expect((await ledger(V)).balance).toEqual({ CNY: 0 });
    expect(await t.runtime.events.streamRevision(`village-${V}`)).toBe(21);
  });

  it('keeps the balance exact and never negative under receipts and expenditures mixed', async () => {
    const V = 'zhaojiagou';
    await record(t, 'RecordReceipt', receiptData(V, 'SR-2013-000', yuan(3_000), '2013-05-01'));
    const sent = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? envelope('RecordReceipt', receiptData(V, `SR-2013-${i + 1}`, yuan(400), '2013-05-06'))
        : envelope('RecordExpenditure', expenditureData(V, `ZC-2013-${i + 1}`, yuan(900), '2013-05-06')),
    );
    const responses = await all(sent);

    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 422 && r.body.code === 'RULE_VILLAGE_BALANCE_NEGATIVE')).toBe(true);
    // Every receipt is accepted; expenditures only while the cash covers them.
    const acceptedTypes = accepted.map((r) => r.body.events[0].type as string);
    expect(acceptedTypes.filter((type) => type === 'ReceiptRecorded')).toHaveLength(20);
    const spent = acceptedTypes.filter((type) => type === 'ExpenditureRecorded').length;
    // 3,000 + 20 × 400 = 11,000 yuan covers at most 12 expenditures of 900, and the first 3,000 at least 3.
    expect(spent).toBeGreaterThanOrEqual(3);
    expect(spent).toBeLessThanOrEqual(12);

    const book = await ledger(V);
    expect(book.balance).toEqual({ CNY: yuan(3_000 + 20 * 400 - spent * 900).minor });
    expect(book.balance.CNY).toBeGreaterThanOrEqual(0);
    expect(book.entries).toHaveLength(1 + 20 + spent);
    expect(new Set(accepted.map((r) => r.body.revision)).size).toBe(accepted.length);
  });

  it('appends a command sent ten times at once only once, answering each with the first result', async () => {
    const sent = envelope('RecordReceipt', receiptData('lijiazhuang', 'SR-2013-900', yuan(8_800), '2013-06-01'));
    const responses = await all(Array(10).fill(sent));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const entries = (await ledger('lijiazhuang')).entries.filter(
      (e: { entryId: string }) => e.entryId === 'SR-2013-900',
    );
    expect(entries).toHaveLength(1);
  });

  it('registers one project when ten clerks race to register the same id; the others get 409', async () => {
    const responses = await all(
      Array.from({ length: 10 }, () => envelope('RegisterProject', projectData('XM-2013-RACE'))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(9).fill('CONFLICT_ID_EXISTS'),
    );
    expect(await t.runtime.events.readStream('project-XM-2013-RACE')).toHaveLength(1);
  });

  it('accepts only one of several commands sent at once with the same expectedRevision; the others get 409', async () => {
    const revision = (await t.runtime.events.streamRevision('village-lijiazhuang')) as number;
    const responses = await all(
      Array.from({ length: 8 }, (_, i) =>
        envelope('RecordReceipt', receiptData('lijiazhuang', `SR-2013-R${i}`, yuan(100), '2013-06-02'), {
          expectedRevision: revision,
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(7).fill('CONFLICT_STREAM_CHANGED'),
    );
    expect(await t.runtime.events.streamRevision('village-lijiazhuang')).toBe(revision + 1);
  });
});
