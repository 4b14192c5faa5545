/**
 * Chinese words for the codes of the log: the domain's one dictionary (VOCABULARY), shared with
 * the registers and the work summary, in the report's orders; and the names of events and
 * streams that only the live activity list shows.
 */
import { BUILT_IN_INDICATORS, wordFor } from '@sunshine/domain';
import { inOrder, PROJECT_STATUS_ORDER as STATUS_CODES } from '@sunshine/reports/labels';

export const roleName = (role: string): string => wordFor('role', role);

/** An indicator's name; one the township defined itself reads as its code until the summary names it. */
export const indicatorName = (code: string): string => wordFor('indicator', code);

/** Indicator codes in the built-in catalogue's order, others after by code. */
export const indicatorsInOrder = (codes: Iterable<string>): string[] =>
  inOrder(codes, Object.keys(BUILT_IN_INDICATORS));

/** Every project status with its word, furthest along first, as the work summary lists them. */
export const PROJECT_STATUS_ORDER = STATUS_CODES.map((status) => ({ status, name: wordFor('projectStatus', status) }));

/** What each event is, as the activity list says it. */
export const EVENT_NAMES: Record<string, string> = {
  TermOpened: '开设届次',
  VillageRegistered: '登记行政村',
  UserRegistered: '登记系统用户',
  UserRoleChanged: '变更用户角色',
  UserRevoked: '停用系统用户',
  InvestmentSigned: '招商引资签约',
  CapitalArrived: '招商资金到位',
  InvestmentAmended: '变更签约信息',
  InvestmentTerminated: '终止招商签约',
  ProjectRegistered: '登记建设项目',
  MilestoneReached: '项目进度节点',
  ProjectProgressReported: '报告项目投资进度',
  ProjectOutputRecorded: '登记项目建设成果',
  DisputeRegistered: '受理矛盾纠纷',
  MediationRecorded: '开展纠纷调解',
  DisputeResolved: '矛盾纠纷化解',
  DisputeEscalated: '纠纷移交处理',
  AuditOpened: '启动审计',
  FindingRecorded: '发现审计问题',
  FindingRectified: '审计问题整改',
  AuditClosed: '审计结束',
  ReceiptRecorded: '村级收入入账',
  ExpenditureRecorded: '村级支出入账',
  EntryReversed: '冲销村级账目',
  DebtRegistered: '登记村级债务',
  DebtSettled: '化解村级债务',
  IndicatorReported: '报告经济指标',
  IndicatorTargetSet: '设定指标目标',
  RecordVoided: '作废误录记录',
  PersonalDataErased: '删除个人信息',
  PersonalDataDisclosed: '查阅个人信息（已留痕）',
};

const STREAM_NAMES: Record<string, string> = {
  village: '村',
  investment: '招商项目',
  project: '建设项目',
  dispute: '纠纷',
  audit: '审计',
  indicator: '指标',
  terms: '届次',
  users: '系统用户',
  subject: '当事人',
  disclosures: '个人信息查阅记录',
};

/** "investment-ZS-004" → "招商项目 ZS-004"; a stream of no known kind as it is. */
export const streamName = (stream: string): string => {
  const dash = stream.indexOf('-');
  const kind = dash < 0 ? stream : stream.slice(0, dash);
  const name = STREAM_NAMES[kind];
  if (!name) return stream;
  return dash < 0 ? name : `${name} ${stream.slice(dash + 1)}`;
};
