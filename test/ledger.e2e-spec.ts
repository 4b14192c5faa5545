import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';

/** Today in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * `GET /villages/:id/ledger?asOf=`: 东村's cash book and debts as of business dates around a
 * reversal and a run of settlements, worked out by hand.
 */
describe("a village's ledger as of a business date", () => {
  let t: TestApp;
  let r: CommandRecorder;
  const ledger = async (query = '') => (await t.get(`/api/v1/villages/dongcun/ledger${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    r = new CommandRecorder(t);
    await r.send('RegisterVillage', { villageId: 'dongcun', name: '东村' });
    await r.send('RegisterVillage', { villageId: 'xicun', name: '西村' });
    await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R1',
      amount: yuan(500_000),
      category: 'fiscal-transfer',
      counterparty: '镇财政所',
      voucherNo: '收-001',
      on: '2010-01-10',
    });
    await r.send('RegisterDebt', {
      villageId: 'dongcun',
      debtId: 'D1',
      creditor: '县农村信用社',
      amount: yuan(100_000),
      incurredOn: '2010-01-15',
    });
    await r.send('RecordExpenditure', {
      villageId: 'dongcun',
      entryId: 'E1',
      amount: yuan(120_000),
      category: 'public-works',
      payee: '修路队',
      voucherNo: '支-001',
      approvalRef: '村民会议〔2010〕1号',
      on: '2010-02-01',
    });
    await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R2',
      amount: yuan(30_000),
      category: 'donation',
      counterparty: '乡贤',
      voucherNo: '收-002',
      on: '2010-03-01',
    });
    await r.send('SettleDebt', {
      villageId: 'dongcun',
      debtId: 'D1',
      amount: yuan(30_000),
      settledOn: '2010-04-01',
      method: 'repaid',
    });
    await r.send('RecordExpenditure', {
      villageId: 'dongcun',
      entryId: 'E2',
      amount: yuan(50_000),
      category: 'welfare',
      payee: '五保户',
      voucherNo: '支-002',
      approvalRef: '村民会议〔2010〕2号',
      on: '2010-05-05',
    });
    await r.send('ReverseEntry', { villageId: 'dongcun', entryId: 'R2', reason: '捐款退回', on: '2010-06-30' });
    await r.send('SettleDebt', {
      villageId: 'dongcun',
      debtId: 'D1',
      amount: yuan(20_000),
      settledOn: '2010-08-01',
      method: 'written-off',
    });
    await r.send('SettleDebt', {
      villageId: 'dongcun',
      debtId: 'D1',
      amount: yuan(10_000),
      settledOn: '2011-01-01',
      method: 'restructured',
    });
    // Back-filled after the rest: the ledger orders by business date, not by recording.
    await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R0',
      amount: yuan(8_000),
      category: 'collective-income',
      counterparty: '承包户',
      voucherNo: '收-000',
      on: '2010-01-05',
    });
    await r.send('RegisterDebt', {
      villageId: 'dongcun',
      debtId: 'D0',
      creditor: '砖厂',
      amount: yuan(6_000),
      incurredOn: '2009-12-01',
    });
    // Another village's book never mixes in.
    await r.send('RecordReceipt', {
      villageId: 'xicun',
      entryId: 'R1',
      amount: yuan(999_000),
      category: 'other',
      counterparty: '某单位',
      voucherNo: '收-001',
      on: '2010-01-10',
    });
  });
  afterAll(() => t.close());

  const entry = (
    entryId: string,
    kind: string,
    on: string,
    minor: number,
    category: string,
    party: string,
    voucherNo: string,
    extra: object = {},
  ) => ({
    entryId,
    kind,
    on,
    amount: { currency: 'CNY', minor },
    category,
    party,
    voucherNo,
    reversed: false,
    eventId: r.log.find(
      (e) =>
        e.stream === 'village-dongcun' &&
        e.type === (kind === 'receipt' ? 'ReceiptRecorded' : 'ExpenditureRecorded') &&
        e.data.entryId === entryId,
    )?.eventId,
    ...extra,
  });
  const R0 = () => entry('R0', 'receipt', '2010-01-05', 8_000_00, 'collective-income', '承包户', '收-000');
  const R1 = () => entry('R1', 'receipt', '2010-01-10', 500_000_00, 'fiscal-transfer', '镇财政所', '收-001');
  const E1 = () =>
    entry('E1', 'expenditure', '2010-02-01', 120_000_00, 'public-works', '修路队', '支-001', {
      approvalRef: '村民会议〔2010〕1号',
    });
  const R2 = (extra: object = {}) =>
    entry('R2', 'receipt', '2010-03-01', 30_000_00, 'donation', '乡贤', '收-002', extra);
  const E2 = () =>
    entry('E2', 'expenditure', '2010-05-05', 50_000_00, 'welfare', '五保户', '支-002', {
      approvalRef: '村民会议〔2010〕2号',
    });

  it('counts a receipt until the day before its reversal, and marks it reversed from that day on', async () => {
    const before = await ledger('?asOf=2010-06-29');
    expect(before).toMatchObject({ villageId: 'dongcun', asOf: '2010-06-29', knownAt: null });
    // 8,000 + 500,000 − 120,000 + 30,000 − 50,000 = 368,000 yuan
    expect(before.balance).toEqual({ CNY: 368_000_00 });
    expect(before.entries).toEqual([R0(), R1(), E1(), R2(), E2()]);

    const on = await ledger('?asOf=2010-06-30');
    // R2's 30,000 no longer counts: 368,000 − 30,000 = 338,000 yuan
    expect(on.balance).toEqual({ CNY: 338_000_00 });
    expect(on.entries).toEqual([
      R0(),
      R1(),
      E1(),
      R2({ reversed: true, reversal: { on: '2010-06-30', reason: '捐款退回' } }),
      E2(),
    ]);
  });

  it('lists only what is dated up to asOf', async () => {
    const early = await ledger('?asOf=2010-01-31');
    expect(early.balance).toEqual({ CNY: (8_000 + 500_000) * 100 });
    expect(early.entries.map((e: { entryId: string }) => e.entryId)).toEqual(['R0', 'R1']);
    const nothing = await ledger('?asOf=2009-11-30');
    expect(nothing).toMatchObject({ asOf: '2009-11-30', balance: { CNY: 0 }, entries: [], debts: [] });
  });

  it('gives each debt with what was settled and what is outstanding as of the date', async () => {
    const debt = (settlements: [string, number, string][]) => {
      const settled = settlements.reduce((sum, [, amount]) => sum + amount, 0);
      return {
        debtId: 'D1',
        creditor: '县农村信用社',
        incurredOn: '2010-01-15',
        amount: { currency: 'CNY', minor: 100_000_00 },
        settled: { currency: 'CNY', minor: settled },
        outstanding: { currency: 'CNY', minor: 100_000_00 - settled },
        settlements: settlements.map(([settledOn, minor, method]) => ({
          settledOn,
          amount: { currency: 'CNY', minor },
          method,
        })),
      };
    };
    const d0 = {
      debtId: 'D0',
      creditor: '砖厂',
      incurredOn: '2009-12-01',
      amount: yuan(6_000),
      settled: yuan(0),
      outstanding: yuan(6_000),
      settlements: [],
    };
    expect((await ledger('?asOf=2009-12-31')).debts).toEqual([d0]);
    expect((await ledger('?asOf=2010-03-31')).debts).toEqual([d0, debt([])]);
    // 100,000 − 30,000 repaid = 70,000
    expect((await ledger('?asOf=2010-04-01')).debts).toEqual([d0, debt([['2010-04-01', 30_000_00, 'repaid']])]);
    // − 20,000 written off = 50,000
    expect((await ledger('?asOf=2010-12-31')).debts).toEqual([
      d0,
      debt([
        ['2010-04-01', 30_000_00, 'repaid'],
        ['2010-08-01', 20_000_00, 'written-off'],
      ]),
    ]);
    // − 10,000 restructured = 40,000
    const [, d1] = (await ledger('?asOf=2011-01-01')).debts;
    expect(d1.outstanding).toEqual(yuan(40_000));
    expect(d1.settled).toEqual(yuan(60_000));
  });

  it('is as of today (Asia/Shanghai) when no asOf is given', async () => {
    const before = shanghaiToday();
    const body = await ledger();
    const after = shanghaiToday();
    expect([before, after]).toContain(body.asOf);
    expect(body).toMatchObject({ villageId: 'dongcun', knownAt: null, position: expect.stringMatching(/^\d+$/) });
    // Everything: 368,000 − 30,000 (R2 reversed) = 338,000 yuan; D1 outstanding 40,000, D0 6,000.
    expect(body.balance).toEqual({ CNY: 338_000_00 });
    expect(body.entries).toHaveLength(5);
    expect(body.debts.map((d: { debtId: string; outstanding: object }) => [d.debtId, d.outstanding])).toEqual([
      ['D0', yuan(6_000)],
      ['D1', yuan(40_000)],
    ]);
  });

  it('answers 404 for a village that is not registered, even one whose id another village begins with', async () => {
    for (const villageId of ['nanzhuang', 'dongcu', 'dong']) {
      const response = await t.get(`/api/v1/villages/${villageId}/ledger`).expect(404);
      expect(response.body).toMatchObject({ status: 404, errors: [{ path: 'villageId' }] });
    }
  });

  it('answers 400 for an impossible asOf date or knownAt instant', async () => {
    for (const asOf of ['2013-02-30', '2013-13-01', '2012-02-30', 'today', '2010-6-30', '20100630']) {
      const response = await t.get(`/api/v1/villages/dongcun/ledger?asOf=${asOf}`).expect(400);
      expect(response.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'asOf' })] });
    }
    // A real leap day is fine.
    expect((await ledger('?asOf=2012-02-29')).asOf).toBe('2012-02-29');
    await t.get('/api/v1/villages/dongcun/ledger?knownAt=yesterday').expect(400);
  });
});
