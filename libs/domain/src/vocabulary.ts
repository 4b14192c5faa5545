import { AuditScope, AuditSubjectKind, Severity } from './audits/audits.commands';
import { DisputeCategory, EscalationTarget, MediationOutcome, ResolutionMethod } from './disputes/disputes.commands';
import { Origin, SUGGESTED_SECTORS } from './investments/investments.commands';
import { ProjectStatus } from './projects/project-status';
import { FundingSource, Milestone, ProjectCategory, SUGGESTED_OUTPUT_METRICS } from './projects/projects.commands';
import { Role } from './shared/decider';
import { ExpenditureCategory, ReceiptCategory, SettlementMethod } from './villages/villages.commands';
import { HonourLevel } from './honours/honours.commands';
import { BUILT_IN_INDICATORS, IndicatorKind, IndicatorSection } from './indicators/indicators.commands';
import { ReportSection } from './report-sections/report-sections.commands';
import type { AuditEvent } from './audits/audits.events';
import type { DisputeEvent } from './disputes/disputes.events';
import type { IndicatorEvent } from './indicators/indicators.events';
import type { InvestmentEvent } from './investments/investments.events';
import type { PersonalDataDisclosed, PersonalDataEvent } from './personal-data/personal-data.events';
import type { ProjectEvent } from './projects/projects.events';
import type { TermEvent } from './terms/terms.events';
import type { UserEvent } from './users/users.events';
import type { VillageEvent } from './villages/villages.events';
import type { HonourEvent } from './honours/honours.events';
import type { ReportSectionEvent } from './report-sections/report-sections.events';
import type { RecordVoided } from './void/void-record';
import type { WarningEvent } from './warnings/warnings.events';
import { RecordKind, RecordStatus } from './record-kinds';

/** Every event type the log holds. */
type EventType = (
  | TermEvent
  | VillageEvent
  | InvestmentEvent
  | ProjectEvent
  | DisputeEvent
  | AuditEvent
  | IndicatorEvent
  | UserEvent
  | PersonalDataEvent
  | PersonalDataDisclosed
  | RecordVoided
  | HonourEvent
  | ReportSectionEvent
  | WarningEvent
)['type'];
import { WarningAction, WarningLevel, WarningRule, WarningStatus } from './warnings/warnings.commands';

/**
 * The one dictionary of Chinese words for the codes of the log. The web app's lists and tags, the
 * registers' code columns and the work summary all read a code through it, so a clerk, a
 * supervisor and the printed report call a thing by the same name. Closed code lists are typed
 * as complete records: a new code does not compile until it has its word.
 */
export const VOCABULARY = {
  origin: { domestic: '内资', foreign: '外资' } satisfies Record<Origin, string>,
  sector: {
    'auto-parts': '汽车零部件',
    'machinery-electronics': '机械电子',
    'electrical-equipment': '电气设备',
    'agro-processing': '农产品加工',
    minerals: '矿产资源',
    services: '现代服务业',
    other: '其他行业',
  } satisfies Record<(typeof SUGGESTED_SECTORS)[number], string>,
  projectCategory: {
    industrial: '工业项目',
    infrastructure: '基础设施',
    'public-service': '公共服务',
    'one-matter-one-discussion': '一事一议',
    other: '其他项目',
  } satisfies Record<ProjectCategory, string>,
  fundingSource: {
    town: '镇财政投入',
    'town-award': '镇财政奖补',
    county: '县级以上补助',
    villagers: '群众自筹',
    enterprise: '企业出资',
    other: '其他来源',
  } satisfies Record<FundingSource, string>,
  milestone: {
    'agreement-signed': '签订协议',
    'construction-started': '开工建设',
    completed: '完工',
    accepted: '竣工验收',
    commissioned: '建成投用',
    suspended: '暂停建设',
    resumed: '恢复建设',
  } satisfies Record<Milestone, string>,
  projectStatus: {
    registered: '尚未开工',
    'under-construction': '在建',
    completed: '完工待验收',
    accepted: '竣工验收',
    commissioned: '建成投用',
    suspended: '暂停建设',
  } satisfies Record<ProjectStatus, string>,
  outputMetric: {
    'rural-road-km': '农村公路（公里）',
    'reservoir-reinforced': '除险加固水库（座）',
    'school-retrofit': '校舍改造（所）',
  } satisfies Record<(typeof SUGGESTED_OUTPUT_METRICS)[number], string>,
  disputeCategory: {
    'marriage-family': '婚姻家庭',
    neighbour: '邻里纠纷',
    'housing-homestead': '房屋宅基地',
    contract: '合同纠纷',
    damages: '损害赔偿',
    'forest-land': '山林土地',
    'land-acquisition': '征地拆迁',
    labour: '劳动争议',
    'village-affairs': '村务管理',
    other: '其他纠纷',
  } satisfies Record<DisputeCategory, string>,
  mediationOutcome: {
    agreement: '达成协议',
    'no-agreement': '未达成协议',
    adjourned: '择期再调',
  } satisfies Record<MediationOutcome, string>,
  resolutionMethod: { mediation: '调解化解', withdrawn: '当事人撤回', other: '其他方式化解' } satisfies Record<
    ResolutionMethod,
    string
  >,
  escalationTarget: {
    court: '移送法院',
    arbitration: '提交仲裁',
    county: '上报县级部门',
    'petition-office': '转信访部门',
    other: '其他渠道',
  } satisfies Record<EscalationTarget, string>,
  auditSubjectKind: { village: '村', project: '项目', investment: '招商项目', department: '部门' } satisfies Record<
    AuditSubjectKind,
    string
  >,
  auditScope: {
    funds: '资金',
    assets: '资产',
    resources: '资源',
    'project-settlement': '工程结算',
    procurement: '采购',
    other: '其他',
  } satisfies Record<AuditScope, string>,
  severity: { info: '提示', minor: '一般', major: '较重', critical: '严重' } satisfies Record<Severity, string>,
  receiptCategory: {
    'collective-income': '集体经营收入',
    'fiscal-transfer': '财政转移支付',
    'project-fund': '项目资金',
    donation: '社会捐赠',
    other: '其他收入',
  } satisfies Record<ReceiptCategory, string>,
  expenditureCategory: {
    'public-works': '公益事业',
    administration: '管理费用',
    welfare: '福利救助',
    project: '项目支出',
    other: '其他支出',
  } satisfies Record<ExpenditureCategory, string>,
  settlementMethod: { repaid: '偿还', 'written-off': '核销', restructured: '债务重组' } satisfies Record<
    SettlementMethod,
    string
  >,
  role: { admin: '管理员', clerk: '录入员', auditor: '审计员', supervisor: '监督员' } satisfies Record<Role, string>,
  indicatorKind: {
    amount: '金额',
    count: '计数',
    quantity: '数量',
    share: '比重',
    rate: '百分率',
  } satisfies Record<IndicatorKind, string>,
  /** The parts of a work summary an indicator is reported in. */
  indicatorSection: {
    economy: '经济发展',
    agriculture: '农业农村',
    industry: '工业经济',
    investment: '固定资产投资',
    infrastructure: '基础设施建设',
    livelihood: '民生和社会事业',
    'safety-stability': '平安建设和社会稳定',
    'party-building': '党的建设',
    other: '其他工作',
  } satisfies Record<IndicatorSection, string>,
  honourLevel: { national: '国家级', provincial: '省级', municipal: '市级', county: '县级' } satisfies Record<
    HonourLevel,
    string
  >,
  /** Indicators by code: the built-in catalogue's names (a defined indicator's name is in its stream). */
  indicator: Object.fromEntries(
    Object.entries(BUILT_IN_INDICATORS).map(([code, definition]) => [code, definition.name]),
  ) as Record<string, string>,
  /** The parts of a work summary prose is written for: a section's word is its heading in the report. */
  reportSection: {
    preface: '前言',
    'party-building': '党的建设',
    'clean-government': '党风廉政建设',
    difficulties: '存在的困难和问题',
    'next-steps': '下一步工作打算',
    economy: '经济发展',
    investment: '招商引资',
    projects: '项目建设',
    livelihood: '民生和社会事业',
    'safety-stability': '平安建设和社会稳定',
    'village-finance': '村级“三资”管理',
    audits: '审计监督和问题整改',
  } satisfies Record<ReportSection, string>,
  warningRule: {
    'dispute-overdue': '纠纷超期未结',
    'project-stalled': '项目停滞',
    'finding-unrectified': '审计问题逾期未整改',
    'new-village-debt': '新增村级债务',
    'large-administration-expense': '大额管理费用支出',
    'capital-arrival-low': '招商资金到位率低',
    'indicator-behind-target': '经济指标进度滞后',
  } satisfies Record<WarningRule, string>,
  warningLevel: { red: '红色预警', yellow: '黄色预警' } satisfies Record<WarningLevel, string>,
  warningStatus: { open: '待处置', handled: '已处置' } satisfies Record<WarningStatus, string>,
  warningAction: { explained: '作出说明', rectifying: '正在整改', referred: '移交处理' } satisfies Record<
    WarningAction,
    string
  >,
  /** Whether an event's hash and chain check out, as the audit trail says it. */
  integrityStatus: { verified: '校验通过', 'hash-mismatch': '哈希不符', 'chain-broken': '链条断裂' } as Record<
    string,
    string
  >,
  indicatorUnit: {
    CNY: '元',
    'CNY-per-capita': '元/人',
    percent: '%',
    count: '个',
  } as Record<string, string>,
  /** What each event of a record's history is called on its page. */
  eventType: {
    TermOpened: '设立届次',
    VillageRegistered: '登记行政村',
    ReceiptRecorded: '登记收入',
    ExpenditureRecorded: '登记支出',
    EntryReversed: '冲销分录',
    DebtRegistered: '登记债务',
    DebtSettled: '化解债务',
    InvestmentSigned: '招商签约',
    CapitalArrived: '资金到位',
    InvestmentAmended: '更正签约',
    InvestmentTerminated: '终止招商项目',
    ProjectRegistered: '登记项目',
    MilestoneReached: '项目节点',
    ProjectProgressReported: '报告投资进度',
    ProjectOutputRecorded: '登记项目产出',
    KeyProjectMarked: '标记重点项目',
    DisputeRegistered: '受理纠纷',
    MediationRecorded: '调解',
    DisputeResolved: '纠纷化解',
    DisputeEscalated: '纠纷移交',
    AuditOpened: '开展审计',
    FindingRecorded: '发现问题',
    FindingRectified: '问题整改',
    AuditClosed: '审计结束',
    IndicatorDefined: '定义指标',
    IndicatorReported: '报送指标',
    IndicatorTargetSet: '设定指标目标',
    UserRegistered: '添加用户',
    UserRoleChanged: '更改用户角色',
    UserRevoked: '停用用户',
    PersonalDataErased: '删除个人信息',
    PersonalDataDisclosed: '查看个人信息',
    RecordVoided: '作废记录',
    HonourRecorded: '登记荣誉',
    ReportSectionWritten: '撰写总结段落',
    WarningHandled: '处置预警',
  } satisfies Record<EventType, string>,
  recordKind: {
    investment: '招商项目',
    project: '建设项目',
    dispute: '矛盾纠纷',
    audit: '审计',
    finding: '审计发现问题',
    entry: '村级收支',
    debt: '村级债务',
    village: '行政村',
    term: '届次',
    indicator: '经济指标',
  } satisfies Record<RecordKind, string>,
  /** Where a record stands; a project's status has its own words (projectStatus). */
  recordStatus: {
    signed: '已签约',
    terminated: '已终止',
    'in-mediation': '调处中',
    resolved: '已化解',
    escalated: '已移交',
    'audit-open': '审计中',
    'audit-closed': '审计结束',
    'finding-open': '待整改',
    rectified: '已整改',
    booked: '已入账',
    reversed: '已冲销',
    outstanding: '未化解',
    'partly-settled': '部分化解',
    settled: '已化解',
    upcoming: '未开始',
    current: '任期中',
    ended: '已届满',
    reported: '已报送',
    'target-only': '仅有目标',
    voided: '已作废',
  } satisfies Record<RecordStatus, string>,
} as const;

export type Dictionary = keyof typeof VOCABULARY;

/** The Chinese word for a code; a code the dictionary does not know (free text such as a sector) reads as itself. */
export const wordFor = (dictionary: Dictionary, code: string): string =>
  hasWordFor(dictionary, code) ? (VOCABULARY[dictionary] as Record<string, string>)[code] : code;

/** Whether the dictionary has a word for the code (a report leaves a code without one out of its prose). */
export const hasWordFor = (dictionary: Dictionary, code: string): boolean =>
  Object.hasOwn(VOCABULARY[dictionary] as Record<string, string>, code);

/** The codes of a dictionary with their words, in the dictionary's order (for pick lists). */
export const optionsOf = (dictionary: Dictionary): { value: string; label: string }[] =>
  Object.entries(VOCABULARY[dictionary] as Record<string, string>).map(([value, label]) => ({ value, label }));
