import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';

/**
 * "As known at": a record back-filled later (recorded now, about an old business date) is absent
 * from what the office knew before it was recorded, and present now. The server's clock is
 * injected and moved by hand between commands, so recording instants are exact:
 *
 *   01:00Z  term, village, disputes JF-1 (resolved) and JF-DUP (open), receipt R1, signing ZS-1
 *           (20,000,000 yuan)
 *   02:00Z  back-filled: dispute JF-OLD (received 2009-02-02), receipt R-OLD (2009-06-01),
 *           expenditure E-BACK (2010-02-01); ZS-1 amended to 60,000,000
 *   03:00Z  E-BACK reversed (on 2010-03-01); JF-DUP voided as a duplicate
 */
describe('the summary and the ledger as known at an instant', () => {
  let t: TestApp;
  let r: CommandRecorder;
  let now = new Date('2025-03-01T01:00:00.000Z');
  const at = (iso: string) => (now = new Date(iso));
  let lastPositionAt1 = '';

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    r = new CommandRecorder(t);

    at('2025-03-01T01:00:00.000Z');
    await r.send('OpenTerm', { termId: '2008-2013', name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' });
    await r.send('RegisterVillage', { villageId: 'dongcun', name: '东村' });
    await r.send('RegisterDispute', {
      disputeId: 'JF-1',
      category: 'neighbour',
      receivedOn: '2010-05-05',
      summary: '宅基地边界',
      parties: [{ name: '张三' }],
    });
    await r.send('RecordMediation', {
      disputeId: 'JF-1',
      heldOn: '2010-05-10',
      mediator: '镇调委会',
      outcome: 'agreement',
    });
    await r.send('ResolveDispute', { disputeId: 'JF-1', resolvedOn: '2010-05-12', method: 'mediation' });
    await r.send('RegisterDispute', {
      disputeId: 'JF-DUP',
      category: 'neighbour',
      receivedOn: '2010-05-06',
      summary: '重复登记',
      parties: [{ name: '张三' }],
    });
    await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R1',
      amount: yuan(500_000),
      category: 'fiscal-transfer',
      counterparty: '镇财政所',
      voucherNo: '收-001',
      on: '2010-01-10',
    });
    lastPositionAt1 = (
      await r.send('SignInvestment', {
        investmentId: 'ZS-1',
        investor: '华东汽配',
        sector: 'auto-parts',
        origin: 'domestic',
        amount: yuan(20_000_000),
        signedOn: '2009-06-18',
      })
    ).position;

    at('2025-03-01T02:00:00.000Z');
    await r.send('RegisterDispute', {
      disputeId: 'JF-OLD',
      category: 'contract',
      receivedOn: '2009-02-02',
      summary: '补录的旧案',
      parties: [{ name: '李四' }],
    });
    await r.send('RecordMediation', {
      disputeId: 'JF-OLD',
      heldOn: '2009-02-10',
      mediator: '镇调委会',
      outcome: 'agreement',
    });
    await r.send('ResolveDispute', { disputeId: 'JF-OLD', resolvedOn: '2009-02-12', method: 'mediation' });
    await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R-OLD',
      amount: yuan(80_000),
      category: 'collective-income',
      counterparty: '承包户',
      voucherNo: '收-000',
      on: '2009-06-01',
    });
    await r.send('RecordExpenditure', {
      villageId: 'dongcun',
      entryId: 'E-BACK',
      amount: yuan(100_000),
      category: 'public-works',
      payee: '修路队',
      voucherNo: '支-001',
      approvalRef: '村民会议〔2010〕1号',
      on: '2010-02-01',
    });
    await r.send('AmendInvestment', { investmentId: 'ZS-1', amount: yuan(60_000_000), reason: '追加投资' });

    at('2025-03-01T03:00:00.000Z');
    await r.send('ReverseEntry', { villageId: 'dongcun', entryId: 'E-BACK', reason: '误付，已退回', on: '2010-03-01' });
    await r.send('VoidRecord', { stream: 'dispute-JF-DUP', reason: '与 JF-1 重复' });
  });
  afterAll(() => t.close());

  const summary = async (knownAt?: string) =>
    (
      await t
        .get(`/api/v1/terms/2008-2013/summary${knownAt ? `?knownAt=${encodeURIComponent(knownAt)}` : ''}`)
        .expect(200)
    ).body;

  it('leaves out of the summary what was recorded after the instant, and echoes the instant', async () => {
    const then = await summary('2025-03-01T01:30:00.000Z');
    expect(then.knownAt).toBe('2025-03-01T01:30:00.000Z');
    expect(then.position).toBe(lastPositionAt1);
    // JF-1 resolved, JF-DUP still open and not yet voided; JF-OLD not yet recorded.
    expect(then.disputes).toEqual({
      registered: 2,
      resolvedByMediation: 1,
      resolvedOtherwise: 0,
      escalated: 0,
      open: 1,
      mediationSuccessRate: 1,
    });
    expect(then.villageFinance.receipts).toEqual({ CNY: 500_000_00 });
    expect(then.villageFinance.expenditures).toEqual({});
    expect(then.investment.signed.domestic).toEqual({ CNY: 20_000_000_00 }); // before the amendment
    expect(then.investment.bands).toEqual({ atLeast10mCny: 1, atLeast50mCny: 0, atLeast100mCny: 0 });

    const current = await summary();
    expect(current.knownAt).toBeNull();
    // JF-1 and the back-filled JF-OLD; JF-DUP voided since.
    expect(current.disputes).toEqual({
      registered: 2,
      resolvedByMediation: 2,
      resolvedOtherwise: 0,
      escalated: 0,
      open: 0,
      mediationSuccessRate: 1,
    });
    // R1 500,000 + R-OLD 80,000; E-BACK reversed on 2010-03-01, inside the term
    expect(current.villageFinance.receipts).toEqual({ CNY: 580_000_00 });
    expect(current.villageFinance.expenditures).toEqual({});
    expect(current.investment.signed.domestic).toEqual({ CNY: 60_000_000_00 });
  });

  it('includes what was recorded at exactly the instant, not a millisecond earlier', async () => {
    expect((await summary('2025-03-01T02:00:00.000Z')).disputes.registered).toBe(3);
    expect((await summary('2025-03-01T01:59:59.999Z')).disputes.registered).toBe(2);
    // Between 02:00 and 03:00, E-BACK was known and not yet reversed, JF-DUP not yet voided.
    const between = await summary('2025-03-01T02:30:00.000Z');
    expect(between.villageFinance.expenditures).toEqual({ CNY: 100_000_00 });
    expect(between.disputes).toMatchObject({ registered: 3, resolvedByMediation: 2, open: 1 });
    expect((await summary('2025-03-01T03:00:00.000Z')).disputes).toMatchObject({ registered: 2, open: 0 });
  });

  it('reads an instant given with an offset as the same instant', async () => {
    const then = await summary('2025-03-01T09:30:00+08:00');
    expect(new Date(then.knownAt).toISOString()).toBe('2025-03-01T01:30:00.000Z');
    expect(then.disputes.registered).toBe(2);
  });

  it('does not know the term before it was opened (404), and refuses an instant that is not one (400)', async () => {
    await t.get('/api/v1/terms/2008-2013/summary?knownAt=2025-03-01T00:30:00.000Z').expect(404);
    await t.get('/api/v1/terms/2008-2013/summary?knownAt=2025-02-30T00:00:00Z').expect(400);
    await t.get('/api/v1/terms/2008-2013/summary?knownAt=last-week').expect(400);
  });

  it('shows the back-filled record with its old business date and its recent recording time', async () => {
    const { body } = await t.get('/api/v1/streams/dispute-JF-OLD').expect(200);
    expect(body.events[0]).toMatchObject({
      type: 'DisputeRegistered',
      occurredOn: '2009-02-02',
      recordedAt: '2025-03-01T02:00:00.000Z',
    });
  });

  it('gives the evidence of a figure as known at the instant', async () => {
    const { body } = await t
      .get('/api/v1/terms/2008-2013/summary/evidence?figure=disputes.registered&knownAt=2025-03-01T01:30:00.000Z')
      .expect(200);
    expect(body.value).toBe(2);
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual([
      r.eventId('dispute-JF-1', 'DisputeRegistered'),
      r.eventId('dispute-JF-DUP', 'DisputeRegistered'),
    ]);
  });

  describe('the ledger', () => {
    const ledger = async (query: string) => (await t.get(`/api/v1/villages/dongcun/ledger?${query}`).expect(200)).body;
    const ids = (body: { entries: { entryId: string; reversed: boolean }[] }) =>
      body.entries.map((e) => `${e.entryId}${e.reversed ? ' (reversed)' : ''}`);

    it('as known before the back-filled entries: only R1', async () => {
      const then = await ledger('asOf=2010-12-31&knownAt=2025-03-01T01:30:00.000Z');
      expect(then).toMatchObject({
        villageId: 'dongcun',
        asOf: '2010-12-31',
        knownAt: '2025-03-01T01:30:00.000Z',
        balance: { CNY: 500_000_00 },
      });
      expect(ids(then)).toEqual(['R1']);
    });

    it('as known between the back-filling and the reversal: the expenditure still counts', async () => {
      const then = await ledger('asOf=2010-12-31&knownAt=2025-03-01T02:30:00.000Z');
      // 80,000 + 500,000 − 100,000 = 480,000 yuan
      expect(then.balance).toEqual({ CNY: 480_000_00 });
      expect(ids(then)).toEqual(['R-OLD', 'R1', 'E-BACK']);
    });

    it('as known now: the expenditure reversed', async () => {
      const current = await ledger('asOf=2010-12-31');
      expect(current.knownAt).toBeNull();
      // 80,000 + 500,000 = 580,000 yuan
      expect(current.balance).toEqual({ CNY: 580_000_00 });
      expect(ids(current)).toEqual(['R-OLD', 'R1', 'E-BACK (reversed)']);
      // As of a date before the reversal's own date, it still counted.
      expect((await ledger('asOf=2010-02-28')).balance).toEqual({ CNY: 480_000_00 });
    });

    it("is as of the server clock's today when no asOf is given", async () => {
      // 03:00Z is 11:00 on 2025-03-01 in Asia/Shanghai: the day the server refuses later business dates after.
      expect((await t.get('/api/v1/villages/dongcun/ledger').expect(200)).body.asOf).toBe('2025-03-01');
    });

    it('does not know the village before it was registered (404)', async () => {
      await t.get('/api/v1/villages/dongcun/ledger?knownAt=2025-03-01T00:59:59.999Z').expect(404);
    });
  });
});
