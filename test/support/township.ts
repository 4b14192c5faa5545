import Database from 'better-sqlite3';
import { join } from 'node:path';
import { nextCommandId, TestApp } from './test-app';

/**
 * A fixed, realistic township to record through HTTP: its villages, its term, the parties of a
 * dispute, and one builder per command's `data`. Every spec of the township draws on this.
 */

export type Money = { currency: string; minor: number };

/** Whole yuan as CNY minor units (分). */
export const yuan = (amount: number): Money => ({ currency: 'CNY', minor: amount * 100 });

export const TERM = { termId: '2011-2016', name: '第十六届', startsOn: '2011-10-01', endsOn: '2016-09-30' };

export const VILLAGES = {
  lijiazhuang: { villageId: 'lijiazhuang', name: '李家庄村' },
  wangjiawan: { villageId: 'wangjiawan', name: '王家湾村' },
  zhaojiagou: { villageId: 'zhaojiagou', name: '赵家沟村' },
} as const;

/** Personal data of two villagers; it must never be stored in clear. The numbers are made up. */
export const PARTIES = {
  zhangXiuying: { name: '张秀英', idNumber: '370829196503154822', phone: '13905371234' },
  liJianguo: { name: '李建国', idNumber: '370829196208113517', phone: '13853746620' },
} as const;

// ————— command data, one builder per command —————

export const projectData = (projectId: string, changes: object = {}) => ({
  projectId,
  name: '李家庄村主干道硬化',
  category: 'infrastructure',
  registeredOn: '2012-03-01',
  plannedInvestment: yuan(1_800_000),
  ...changes,
});

export const milestoneData = (projectId: string, milestone: string, reachedOn: string) => ({
  projectId,
  milestone,
  reachedOn,
});

export const progressData = (projectId: string, investedYuan: number, asOf: string, reason?: string) => ({
  projectId,
  investedToDate: yuan(investedYuan),
  asOf,
  ...(reason === undefined ? {} : { reason }),
});

export const outputData = (projectId: string, quantity: number, on = '2012-11-20', metric = 'rural-road-km') => ({
  projectId,
  metric,
  quantity,
  on,
});

export const disputeData = (disputeId: string, changes: object = {}) => ({
  disputeId,
  category: 'housing-homestead',
  receivedOn: '2013-04-08',
  summary: '两户因宅基地界址及院墙排水发生争议',
  parties: [{ ...PARTIES.zhangXiuying }, { ...PARTIES.liJianguo }],
  villageId: VILLAGES.lijiazhuang.villageId,
  ...changes,
});

export const mediationData = (disputeId: string, outcome: string, heldOn = '2013-04-20') => ({
  disputeId,
  heldOn,
  mediator: '镇人民调解委员会 周玉梅',
  outcome,
});

export const resolutionData = (disputeId: string, method: string, resolvedOn = '2013-04-25') => ({
  disputeId,
  resolvedOn,
  method,
  ...(method === 'mediation' ? { agreement: '院墙后退三十公分，排水沟由两户共同修建' } : {}),
});

export const escalationData = (disputeId: string, escalatedOn = '2013-05-10') => ({
  disputeId,
  escalatedOn,
  to: 'court',
  reason: '一方坚持起诉，调解终止',
});

export const auditData = (auditId: string, subject: { kind: string; id: string }, openedOn = '2013-06-03') => ({
  auditId,
  subject,
  scope: 'funds',
  openedOn,
  leadAuditor: '赵明（县审计局）',
});

export const findingData = (
  auditId: string,
  findingId: string,
  severity: string,
  involvedYuan = 48_000,
  foundOn = '2013-06-10',
) => ({
  auditId,
  findingId,
  severity,
  description: '2012年道路工程款以白条入账',
  amountInvolved: yuan(involvedYuan),
  foundOn,
});

export const rectificationData = (
  auditId: string,
  findingId: string,
  rectifiedOn = '2013-07-15',
  recoveredYuan = 48_000,
) => ({
  auditId,
  findingId,
  rectifiedOn,
  description: '补齐正式发票，责任人作出书面检查',
  amountRecovered: yuan(recoveredYuan),
});

export const closeAuditData = (auditId: string, closedOn = '2013-08-30') => ({
  auditId,
  closedOn,
  conclusion: '财务管理基本规范，问题已整改到位',
});

export const receiptData = (
  villageId: string,
  entryId: string,
  amount: Money,
  on = '2013-03-05',
  changes: object = {},
) => ({
  villageId,
  entryId,
  amount,
  category: 'fiscal-transfer',
  counterparty: '镇财政所',
  voucherNo: `收-${entryId}`,
  on,
  ...changes,
});

export const expenditureData = (
  villageId: string,
  entryId: string,
  amount: Money,
  on = '2013-03-20',
  changes: object = {},
) => ({
  villageId,
  entryId,
  amount,
  category: 'public-works',
  payee: '县第二建筑公司',
  voucherNo: `付-${entryId}`,
  approvalRef: '村民代表会议决议〔2013〕3号',
  on,
  ...changes,
});

export const reversalData = (villageId: string, entryId: string, on = '2013-04-01') => ({
  villageId,
  entryId,
  reason: '凭证重复入账',
  on,
});

export const debtData = (villageId: string, debtId: string, amount: Money, incurredOn = '2011-12-20') => ({
  villageId,
  debtId,
  creditor: '县农村信用合作联社',
  amount,
  incurredOn,
});

export const settlementData = (
  villageId: string,
  debtId: string,
  amount: Money,
  settledOn = '2013-12-25',
  method = 'repaid',
) => ({
  villageId,
  debtId,
  amount,
  settledOn,
  method,
});

export const indicatorData = (indicator: string, period: string, value: number, unit = 'CNY', reason?: string) => ({
  indicator,
  period,
  value,
  unit,
  ...(reason === undefined ? {} : { reason }),
});

export const investmentData = (investmentId: string, changes: object = {}) => ({
  investmentId,
  investor: '鲁南精工机械有限公司',
  sector: 'machinery-electronics',
  origin: 'domestic',
  amount: yuan(30_000_000),
  signedOn: '2012-05-18',
  ...changes,
});

// ————— sending —————

export interface CommandAnswer {
  commandId: string;
  stream: string;
  revision: number;
  position: string;
  events: { eventId: string; type: string }[];
  token?: string;
}

export const envelope = (type: string, data: object, extra: object = {}) => ({
  type,
  commandId: nextCommandId(type),
  data,
  ...extra,
});

/** Records a command that must be accepted; a refusal fails the test with the problem it got. */
export const record = async (t: TestApp, type: string, data: object, token?: string): Promise<CommandAnswer> => {
  const response = await t.command(envelope(type, data), token);
  if (response.status !== 201)
    throw new Error(`${type} ${JSON.stringify(data)} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as CommandAnswer;
};

/** A user registered by the admin, with the bearer token shown that once. */
export const registerUser = async (
  t: TestApp,
  user: { userId: string; name: string; role: string; villages?: string[] },
): Promise<string> => {
  const answer = await record(t, 'RegisterUser', user);
  if (typeof answer.token !== 'string')
    throw new Error(`RegisterUser ${user.userId} answered without a token: ${JSON.stringify(answer)}`);
  return answer.token;
};

/** The township's villages and its term, as the admin records them first. */
export const recordTownship = async (
  t: TestApp,
  villages: readonly { villageId: string; name: string }[] = Object.values(VILLAGES),
) => {
  await record(t, 'OpenTerm', TERM);
  for (const village of villages) await record(t, 'RegisterVillage', village);
};

/** Every stored event, in log order, read page by page from the event store. */
export const allStoredEvents = async (t: TestApp) => {
  const events: Awaited<ReturnType<TestApp['runtime']['events']['readAll']>> = [];
  for (;;) {
    const page = await t.runtime.events.readAll({ after: events.at(-1)?.position, limit: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
};

/** Text of the whole stored log, to search for what must never be in it. */
export const wholeLogText = async (t: TestApp): Promise<string> => JSON.stringify(await allStoredEvents(t));

/** How many data subjects have a key (or had one), read straight from the secret store's file. */
/**
 * The data subjects the ledger knows: those with a key in secrets.db, read from the file, less
 * the ones the secret store made ahead and has not handed out to anyone yet.
 */
export const subjectKeyCount = (t: TestApp): number => {
  const db = new Database(join(t.dataDir, 'secrets.db'), { readonly: true, fileMustExist: true });
  try {
    const ids = (db.prepare('SELECT subject_id FROM subject_keys').all() as { subject_id: string }[]).map(
      (row) => row.subject_id,
    );
    return ids.filter((id) => t.runtime.secrets.subjectKey(id) !== undefined).length;
  } finally {
    db.close();
  }
};
