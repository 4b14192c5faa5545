import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';
import { movableClock, recordTownship } from './support/warnings';

/**
 * `GET /api/v1/villages`: each village's balance, the term's receipts and expenditures, outstanding
 * debts with 存量 (incurred before the term) and 新增 (in it) apart, and open warnings — worked
 * out by hand. Today is 2026-06-30, in the term 2026-2030; the term before it is 2021-2025.
 */
describe('the villages list', () => {
  let t: TestApp;
  let r: CommandRecorder;
  const spend = (entryId: string, amount: number, on: string, category = 'public-works') =>
    r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId,
      amount: yuan(amount),
      category,
      payee: '施工队',
      voucherNo: `支-${entryId}`,
      approvalRef: '村民代表会议〔2026〕1号',
      on,
    });

  beforeAll(async () => {
    t = await startTestApp({ clock: movableClock('2026-06-30').clock });
    r = new CommandRecorder(t);
    await recordTownship(r); // 东村 receives 2,000,000 yuan on 2024-01-02
    await r.send('RecordReceipt', {
      villageId: 'V01',
      entryId: 'R-2',
      amount: yuan(300_000),
      category: 'project-fund',
      counterparty: '县农业农村局',
      voucherNo: '收-002',
      on: '2026-02-01',
    });
    await spend('E-old', 10_000, '2025-12-20');
    await spend('E-admin', 50_000, '2026-03-01', 'administration');
    await spend('E-reversed', 20_000, '2026-04-01');
    await r.send('ReverseEntry', { villageId: 'V01', entryId: 'E-reversed', reason: '重复入账', on: '2026-04-02' });
    await r.send('RegisterDebt', {
      villageId: 'V01',
      debtId: 'D-old',
      creditor: '县农商行',
      amount: yuan(80_000),
      incurredOn: '2025-06-01',
    });
    await r.send('SettleDebt', {
      villageId: 'V01',
      debtId: 'D-old',
      amount: yuan(30_000),
      settledOn: '2026-02-01',
      method: 'repaid',
    });
    await r.send('RegisterDebt', {
      villageId: 'V01',
      debtId: 'D-new',
      creditor: '建材商店',
      amount: yuan(40_000),
      incurredOn: '2026-03-01',
    });
    await r.send('RegisterDispute', {
      disputeId: 'J-1',
      category: 'neighbour',
      receivedOn: '2026-05-01',
      summary: '排水沟',
      parties: [{ name: '赵六' }],
      villageId: 'V01',
    });
  });
  afterAll(() => t.close());

  const fen = (amount: number) => ({ CNY: amount * 100 });

  it('shows the current term, as of today, with every village', async () => {
    const { body } = await t.get('/api/v1/villages').expect(200);
    expect(body.term).toEqual({ termId: '2026-2030', name: '第十八届', from: '2026-01-01', to: '2030-12-31' });
    expect(body.asOf).toBe('2026-06-30');
    expect(body.villages.map((v: { name: string }) => v.name)).toEqual(['东村', '西村']);
    const [dongcun, xicun] = body.villages;
    expect(dongcun).toEqual({
      villageId: 'V01',
      name: '东村',
      // 2,000,000 + 300,000 − 10,000 − 50,000; the reversed 20,000 no longer counts
      balance: fen(2_240_000),
      receipts: fen(300_000),
      expenditures: fen(50_000),
      // 存量: 80,000 − 30,000 settled; 新增: 40,000
      debts: { outstanding: fen(90_000), beforeTerm: fen(50_000), inTerm: fen(40_000) },
      // red: the new debt and the dispute received 60 days ago; yellow: the 50,000-yuan administration expense
      warnings: { red: 2, yellow: 1 },
    });
    expect(xicun).toEqual({
      villageId: 'V02',
      name: '西村',
      balance: fen(0),
      receipts: fen(0),
      expenditures: fen(0),
      debts: { outstanding: fen(0), beforeTerm: fen(0), inTerm: fen(0) },
      warnings: { red: 0, yellow: 0 },
    });
  });

  it("adds up to the term summary's village finance", async () => {
    const [{ body: list }, { body: summary }] = await Promise.all([
      t.get('/api/v1/villages'),
      t.get('/api/v1/terms/2026-2030/summary'),
    ]);
    const total = (figure: 'receipts' | 'expenditures') =>
      list.villages.reduce((sum: number, v: Record<string, { CNY: number }>) => sum + v[figure].CNY, 0);
    expect(total('receipts')).toBe(summary.villageFinance.receipts.CNY);
    expect(total('expenditures')).toBe(summary.villageFinance.expenditures.CNY);
  });

  it("shows a past term as of its last day: then the older debt was that term's new one", async () => {
    const { body } = await t.get('/api/v1/villages?termId=2021-2025').expect(200);
    expect(body.asOf).toBe('2025-12-31');
    expect(body.villages[0]).toMatchObject({
      balance: fen(1_990_000),
      receipts: fen(2_000_000),
      expenditures: fen(10_000),
      debts: { outstanding: fen(80_000), beforeTerm: fen(0), inTerm: fen(80_000) },
      warnings: { red: 1, yellow: 0 },
    });
  });

  it('counts only open warnings: a handled one leaves the count', async () => {
    await r.send('HandleWarning', {
      warningId: 'large-administration-expense:village-V01:E-admin',
      handledOn: '2026-06-30',
      action: 'explained',
      note: '村委会说明：年度办公用房维修',
    });
    const { body } = await t.get('/api/v1/villages').expect(200);
    expect(body.villages[0].warnings).toEqual({ red: 2, yellow: 0 });
  });

  it('is for every role, and refuses an unknown term with 404', async () => {
    const supervisor = (await r.send('RegisterUser', { userId: 'jd', name: '监督员', role: 'supervisor' })).token!;
    await t.get('/api/v1/villages', supervisor).expect(200);
    const response = await t.get('/api/v1/villages?termId=1999-2003').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
