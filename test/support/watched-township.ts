import { shanghaiDate } from '@sunshine/domain';
import { addDays } from './recorder';
import { PARTIES } from './township';

/** Records commands over HTTP as a real client does (a server in its own process). */
export type Record = (type: string, data: object) => Promise<{ position: string; token?: string }>;

export const today = shanghaiDate(new Date());
export const daysAgo = (days: number) => addDays(today, -days);
export const THIS_YEAR = Number(today.slice(0, 4));
export const CURRENT_TERM = {
  termId: 'term-current',
  name: '第十八届',
  startsOn: daysAgo(700),
  endsOn: addDays(today, 1100),
};
export const PREVIOUS_TERM = {
  termId: 'term-previous',
  name: '第十七届',
  startsOn: addDays(CURRENT_TERM.startsOn, -1826),
  endsOn: daysAgo(701),
};
export const yuan = (amount: number) => ({ currency: 'CNY', minor: amount * 100 });

/**
 * A township in the middle of its term, the figures of which a supervisor's overview shows:
 * three signings (one in dollars), three projects, three disputes, an audit, village cash books
 * and indicators; one signing in the term before.
 */
export const recordWatchedTownship = async (record: Record): Promise<void> => {
  await record('OpenTerm', PREVIOUS_TERM);
  await record('OpenTerm', CURRENT_TERM);
  await record('RegisterVillage', { villageId: 'lijiazhuang', name: '李家庄村' });
  await record('RegisterVillage', { villageId: 'wangjiawan', name: '王家湾村' });
  const domestic = { sector: 'machinery-electronics', origin: 'domestic' };
  await record('SignInvestment', {
    investmentId: 'ZS-000',
    investor: '鲁南老厂',
    ...domestic,
    amount: yuan(9_000_000),
    signedOn: daysAgo(900),
  });
  await record('SignInvestment', {
    investmentId: 'ZS-001',
    investor: '鲁南精工机械有限公司',
    ...domestic,
    amount: yuan(120_000_000),
    signedOn: daysAgo(600),
  });
  await record('SignInvestment', {
    investmentId: 'ZS-002',
    investor: '临沂华丰食品有限公司',
    ...domestic,
    sector: 'agro-processing',
    amount: yuan(35_000_000),
    signedOn: daysAgo(420),
  });
  await record('SignInvestment', {
    investmentId: 'ZS-003',
    investor: 'Pacific Auto Parts Ltd.',
    sector: 'auto-parts',
    origin: 'foreign',
    amount: { currency: 'USD', minor: 800_000_000 },
    signedOn: daysAgo(300),
  });
  await record('RecordCapitalArrival', { investmentId: 'ZS-001', amount: yuan(80_000_000), arrivedOn: daysAgo(500) });
  for (const [projectId, name] of [
    ['XM-001', '李家庄村主干道硬化'],
    ['XM-002', '王家湾村小学校舍改造'],
    ['XM-003', '镇污水处理站'],
  ])
    await record('RegisterProject', {
      projectId,
      name,
      category: 'infrastructure',
      registeredOn: daysAgo(550),
      plannedInvestment: yuan(1_800_000),
    });
  await record('RecordMilestone', { projectId: 'XM-001', milestone: 'construction-started', reachedOn: daysAgo(500) });
  await record('RecordMilestone', { projectId: 'XM-001', milestone: 'completed', reachedOn: daysAgo(300) });
  await record('RecordMilestone', { projectId: 'XM-002', milestone: 'construction-started', reachedOn: daysAgo(200) });
  const parties = [{ ...PARTIES.zhangXiuying }, { ...PARTIES.liJianguo }];
  for (const disputeId of ['TJ-001', 'TJ-002', 'TJ-003'])
    await record('RegisterDispute', {
      disputeId,
      category: 'housing-homestead',
      receivedOn: daysAgo(250),
      summary: '宅基地界址争议',
      parties,
      villageId: 'lijiazhuang',
    });
  await record('RecordMediation', {
    disputeId: 'TJ-001',
    heldOn: daysAgo(240),
    mediator: '镇人民调解委员会',
    outcome: 'agreement',
  });
  await record('ResolveDispute', {
    disputeId: 'TJ-001',
    resolvedOn: daysAgo(235),
    method: 'mediation',
    agreement: '院墙后退三十公分',
  });
  await record('EscalateDispute', {
    disputeId: 'TJ-002',
    escalatedOn: daysAgo(230),
    to: 'court',
    reason: '一方坚持起诉',
  });
  await record('OpenAudit', {
    auditId: 'SJ-001',
    subject: { kind: 'village', id: 'lijiazhuang' },
    scope: 'funds',
    openedOn: daysAgo(200),
    leadAuditor: '赵明',
  });
  await record('RecordFinding', {
    auditId: 'SJ-001',
    findingId: 'F1',
    foundOn: daysAgo(190),
    severity: 'major',
    description: '工程款以白条入账',
    amountInvolved: yuan(48_000),
  });
  await record('RecordFinding', {
    auditId: 'SJ-001',
    findingId: 'F2',
    foundOn: daysAgo(190),
    severity: 'minor',
    description: '凭证未按月装订',
  });
  await record('RecordRectification', {
    auditId: 'SJ-001',
    findingId: 'F1',
    rectifiedOn: daysAgo(150),
    description: '补齐发票',
    amountRecovered: yuan(48_000),
  });
  const receipt = { category: 'fiscal-transfer', counterparty: '镇财政所' };
  await record('RecordReceipt', {
    villageId: 'lijiazhuang',
    entryId: 'R1',
    amount: yuan(1_250_000),
    ...receipt,
    voucherNo: '收-1',
    on: daysAgo(100),
  });
  await record('RecordReceipt', {
    villageId: 'wangjiawan',
    entryId: 'R2',
    amount: yuan(86_000),
    ...receipt,
    voucherNo: '收-2',
    on: daysAgo(90),
  });
  await record('RecordExpenditure', {
    villageId: 'lijiazhuang',
    entryId: 'E1',
    amount: yuan(430_000),
    category: 'public-works',
    payee: '县第二建筑公司',
    voucherNo: '付-1',
    approvalRef: '村民代表会议决议〔2025〕3号',
    on: daysAgo(80),
  });
  await record('ReportIndicator', {
    indicator: 'gdp',
    period: String(THIS_YEAR - 1),
    value: 2_900_000_000_00,
    unit: 'CNY',
  });
  await record('ReportIndicator', {
    indicator: 'gdp',
    period: String(THIS_YEAR),
    value: 3_150_000_000_00,
    unit: 'CNY',
  });
  await record('ReportIndicator', {
    indicator: 'fiscal-revenue',
    period: `${THIS_YEAR}-01/${THIS_YEAR}-01`,
    value: 5_020_000_00,
    unit: 'CNY',
  });
  await record('SetIndicatorTarget', { indicator: 'fiscal-revenue', period: String(THIS_YEAR), target: 65_000_000_00 });
};
