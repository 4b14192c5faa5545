import { wordFor } from '@sunshine/domain';
import { CommandRecorder } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';
import { movableClock, recordTownship } from './support/warnings';
import { dayOf, downloadXlsx, instantOf, yuanOf } from './support/xlsx';

const cny = (minor: number) => ({ currency: 'CNY', minor });

/**
 * `?format=xlsx` on every list an auditor reads: the ledger, evidence and the audit trail, read back
 * from the workbook, hold exactly the rows of the JSON answer, with names, 元 and Chinese dates.
 */
describe('exports for auditors (xlsx)', () => {
  let t: TestApp;
  let r: CommandRecorder;

  beforeAll(async () => {
    t = await startTestApp({ clock: movableClock('2026-06-30').clock });
    r = new CommandRecorder(t);
    await recordTownship(r);
    // Amounts with fen that a float would drift on: 0.1 + 0.2, 1234567.89.
    await r.send('RecordReceipt', {
      villageId: 'V01',
      entryId: 'R-2',
      amount: cny(123_456_789),
      category: 'collective-income',
      counterparty: '东村果园承包户',
      voucherNo: '收-002',
      on: '2026-02-03',
    });
    await r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId: 'E-1',
      amount: cny(10),
      category: 'welfare',
      payee: '五保户',
      voucherNo: '支-001',
      approvalRef: '村民代表会议〔2026〕2号',
      on: '2026-02-04',
    });
    await r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId: 'E-2',
      amount: cny(20),
      category: 'administration',
      payee: '文具店',
      voucherNo: '支-002',
      approvalRef: '村民代表会议〔2026〕3号',
      on: '2026-02-05',
    });
    await r.send('ReverseEntry', { villageId: 'V01', entryId: 'E-2', reason: '重复入账', on: '2026-02-06' });
    await r.send('RegisterDebt', {
      villageId: 'V01',
      debtId: 'DEBT-1',
      creditor: '县农商行',
      amount: cny(5_000_000),
      incurredOn: '2025-03-01',
    });
    await r.send('SettleDebt', {
      villageId: 'V01',
      debtId: 'DEBT-1',
      amount: cny(1_000_001),
      settledOn: '2026-03-01',
      method: 'repaid',
    });
    for (const [investmentId, investor, minor] of [
      ['ZS-1', '华东汽配有限公司', 12_000_000_000],
      ['ZS-2', '江南机电股份有限公司', 15_000_000_001],
    ] as const)
      await r.send('SignInvestment', {
        investmentId,
        investor,
        sector: 'auto-parts',
        origin: 'domestic',
        amount: cny(minor),
        signedOn: '2026-03-15',
        villageId: 'V02',
      });
  });
  afterAll(() => t.close());

  it('the village ledger: every entry and debt, amounts in 元 to the fen, reversals with their reason', async () => {
    const json = (await t.get('/api/v1/villages/V01/ledger?asOf=2026-06-30').expect(200)).body;
    const { sheets, workbook } = await downloadXlsx(t, '/api/v1/villages/V01/ledger?asOf=2026-06-30&format=xlsx');
    const [headers, ...entries] = sheets['现金日记账'];
    expect(headers).toEqual([
      '日期',
      '收支',
      '科目',
      '对方单位',
      '凭证号',
      '审批文号',
      '收入（元）',
      '支出（元）',
      '冲销日期',
      '冲销原因',
      '账目编号',
    ]);
    expect(entries).toHaveLength(json.entries.length);
    entries.forEach((row, i) => {
      const entry = json.entries[i];
      expect(dayOf(row[0])).toBe(entry.on);
      expect(row[3]).toBe(entry.party);
      expect(row[4]).toBe(entry.voucherNo);
      expect(row[entry.kind === 'receipt' ? 6 : 7]).toBe(yuanOf(entry.amount.minor));
      expect(row[10]).toBe(entry.entryId);
      if (entry.reversal) {
        expect(dayOf(row[8])).toBe(entry.reversal.on);
        expect(row[9]).toBe(entry.reversal.reason);
      }
    });
    const receipt = entries.find((row) => row[10] === 'R-2') as unknown[];
    expect(receipt.slice(1, 3)).toEqual(['收入', '集体经营收入']);
    expect(receipt[6]).toBe(1234567.89);
    expect(entries.find((row) => row[10] === 'E-1')?.[7]).toBe(0.1);
    expect(workbook.getWorksheet('现金日记账')?.getCell('G2').numFmt).toBe('#,##0.00');

    const [, ...debts] = sheets['债务'];
    expect(debts).toHaveLength(json.debts.length);
    expect(debts[0].slice(0, 2)).toEqual(['DEBT-1', '县农商行']);
    expect(dayOf(debts[0][2])).toBe('2025-03-01');
    expect(debts[0].slice(3, 6)).toEqual([50000, 10000.01, 39999.99]);
    expect(sheets['说明']).toContainEqual(['村', '东村']);
    expect(sheets['说明']).toContainEqual(['截至日期', '2026年6月30日']);
    expect(sheets['说明']).toContainEqual(['现金余额（元）', '3234567.79']);
  });

  it("a figure's evidence: the events behind it, with the records' names", async () => {
    const path = '/api/v1/terms/2026-2030/summary/evidence?figure=investment.signings';
    const json = (await t.get(path).expect(200)).body;
    const { sheets } = await downloadXlsx(t, `${path}&format=xlsx`);
    const [headers, ...rows] = sheets['数字依据'];
    expect(headers.slice(0, 5)).toEqual(['日志位置', '记录', '事件', '业务日期', '录入时间（北京时间）']);
    expect(rows.map((row) => row[7])).toEqual(json.events.map((e: { eventId: string }) => e.eventId));
    expect(rows.map((row) => row[1])).toEqual(['华东汽配有限公司', '江南机电股份有限公司']);
    rows.forEach((row, i) => {
      expect(row[2]).toBe(wordFor('eventType', 'InvestmentSigned'));
      expect(dayOf(row[3])).toBe(json.events[i].occurredOn);
      expect(instantOf(row[4])).toBe(json.events[i].recordedAt);
    });
    expect(sheets['说明']).toContainEqual(['届次', '第十八届']);
  });

  it("a stream's audit trail: who, both clocks, amounts, hashes and integrity", async () => {
    const json = (await t.get('/api/v1/streams/village-V01').expect(200)).body;
    const { sheets } = await downloadXlsx(t, '/api/v1/streams/village-V01?format=xlsx');
    const [headers, ...rows] = sheets['审计日志'];
    expect(headers).toEqual([
      '日志位置',
      '记录',
      '记录流',
      '版本',
      '事件',
      '业务日期',
      '录入时间（北京时间）',
      '录入人',
      '角色',
      '更正的事件',
      '金额',
      '币种',
      '内容',
      '完整性',
      '哈希',
      '前一哈希',
      '事件编号',
    ]);
    expect(rows).toHaveLength(json.events.length);
    rows.forEach((row, i) => {
      const event = json.events[i];
      expect([row[0], row[1], row[2], row[3]]).toEqual([event.position, '东村', 'village-V01', event.revision]);
      expect(dayOf(row[5])).toBe(event.occurredOn);
      expect(instantOf(row[6])).toBe(event.recordedAt);
      expect([row[7], row[8]]).toEqual(['admin', '管理员']);
      expect(JSON.parse(row[12] as string)).toEqual(event.data);
      expect([row[13], row[14], row[15], row[16]]).toEqual(['校验通过', event.hash, event.prevHash, event.eventId]);
      if (event.data.amount) expect([row[10], row[11]]).toEqual([yuanOf(event.data.amount.minor), 'CNY']);
    });
    expect(rows.map((row) => row[4])).toContain(wordFor('eventType', 'EntryReversed'));
  });

  it('the log filtered by type, with the filter in its notes', async () => {
    const json = (await t.get('/api/v1/events?type=InvestmentSigned').expect(200)).body;
    const { sheets } = await downloadXlsx(t, '/api/v1/events?type=InvestmentSigned&format=xlsx');
    const [, ...rows] = sheets['审计日志'];
    expect(rows.map((row) => row[16])).toEqual(json.events.map((e: { eventId: string }) => e.eventId));
    expect(rows.map((row) => row[10])).toEqual([120000000, 150000000.01]);
    expect(sheets['说明']).toContainEqual([
      '事件类型',
      `${wordFor('eventType', 'InvestmentSigned')}（InvestmentSigned）`,
    ]);
  });

  it('is for auditors where the JSON is: a supervisor gets no audit trail in any format', async () => {
    const supervisor = (await r.send('RegisterUser', { userId: 'jiandu', name: '监督员', role: 'supervisor' })).token!;
    await t.get('/api/v1/streams/village-V01?format=xlsx', supervisor).expect(403);
    await t.get('/api/v1/events?format=csv').expect(400);
  });
});
