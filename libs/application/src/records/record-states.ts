import { fromThousandths, Money, projectStatus, RecordKind, toThousandths, wordFor } from '@sunshine/domain';
import {
  AuditDoc,
  AuditFinding,
  DebtDoc,
  DisputeDoc,
  EntryDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  TermDoc,
  VillageDoc,
} from '@sunshine/projections';
import { dateText, labelled, labelData, LabelledField, moneyText, wordField } from './labelled-fields';
import { NameBook } from './name-book';

/**
 * A record's current state as labelled fields: what its first command recorded (as amended),
 * then what happened since (arrivals, status, settlements, …), from its document in the read models.
 */

/** Sums per currency, as text: 300,000.00元；USD 20,000.00. */
const sumsText = (amounts: Money[]): string => {
  const sums = new Map<string, number>();
  for (const { currency, minor } of amounts) sums.set(currency, (sums.get(currency) ?? 0) + minor);
  return sums.size === 0 ? '无' : [...sums].map(([currency, minor]) => moneyText({ currency, minor })).join('；');
};

const investment = async (doc: InvestmentDoc, names: NameBook) => {
  const { investmentId, investor, sector, origin, amount, signedOn, villageId, projectId } = doc;
  const signing = { investmentId, investor, sector, origin, amount, signedOn, villageId, projectId };
  const arrived = doc.arrivals.map((a) => a.amount);
  return [
    ...(await labelData('SignInvestment', signing, names)),
    labelled('arrived', '到位资金合计', arrived, sumsText(arrived)),
    ...(doc.termination
      ? [
          labelled('terminatedOn', '终止日期', doc.termination.terminatedOn, dateText(doc.termination.terminatedOn)),
          labelled('terminationReason', '终止原因', doc.termination.reason, doc.termination.reason),
        ]
      : []),
  ];
};

const project = async (doc: ProjectDoc, names: NameBook) => {
  const { projectId, name, category, registeredOn, plannedInvestment, villageId } = doc;
  const registration = { projectId, name, category, registeredOn, plannedInvestment, villageId };
  const status = projectStatus(doc.milestones.map((m) => m.milestone));
  const latest = doc.progress.at(-1);
  const outputs = new Map<string, number>();
  for (const output of doc.outputs)
    outputs.set(output.metric, (outputs.get(output.metric) ?? 0) + toThousandths(output.quantity));
  return [
    ...(await labelData('RegisterProject', { ...registration, funding: doc.funding }, names)),
    wordField('status', '建设状态', 'projectStatus', status),
    ...(latest
      ? [
          labelled(
            'investedToDate',
            '累计完成投资',
            latest.investedToDate,
            `${moneyText(latest.investedToDate)}（截至${dateText(latest.asOf)}）`,
          ),
        ]
      : []),
    ...[...outputs].map(([metric, thousandths]) =>
      labelled(
        `outputs.${metric}`,
        wordFor('outputMetric', metric),
        fromThousandths(thousandths),
        String(fromThousandths(thousandths)),
      ),
    ),
  ];
};

const dispute = async (doc: DisputeDoc, names: NameBook) => {
  const { disputeId, category, receivedOn, villageId } = doc;
  const conclusion = doc.conclusion;
  return [
    ...(await labelData('RegisterDispute', { disputeId, category, receivedOn, villageId }, names)),
    labelled('parties', '当事人', doc.subjectIds.length, `${doc.subjectIds.length}名当事人（个人信息已加密）`),
    labelled('mediations', '调解次数', doc.mediations.length, `${doc.mediations.length}次`),
    ...(conclusion?.kind === 'resolved'
      ? [
          labelled(
            'conclusion',
            '化解情况',
            conclusion,
            `${dateText(conclusion.on)}${wordFor('resolutionMethod', conclusion.method)}`,
          ),
        ]
      : conclusion?.kind === 'escalated'
        ? [
            labelled(
              'conclusion',
              '移交情况',
              conclusion,
              `${dateText(conclusion.on)}${wordFor('escalationTarget', conclusion.to)}`,
            ),
          ]
        : []),
  ];
};

const audit = async (doc: AuditDoc, names: NameBook) => {
  const { auditId, subject, scope, openedOn, leadAuditor } = doc;
  const open = doc.findings.filter((f) => !f.rectification).length;
  return [
    ...(await labelData('OpenAudit', { auditId, subject, scope, openedOn, leadAuditor }, names)),
    labelled('subjectName', '审计对象名称', subject.id, await names.auditSubject(subject)),
    labelled('findings', '发现问题', doc.findings.length, `${doc.findings.length}个，其中待整改${open}个`),
    ...(doc.closure ? [labelled('closedOn', '结束日期', doc.closure.closedOn, dateText(doc.closure.closedOn))] : []),
  ];
};

const finding = async (doc: AuditDoc, item: AuditFinding, names: NameBook) => {
  const { findingId, severity, description, foundOn, amountInvolved } = item;
  const rectification = item.rectification;
  return [
    ...(await labelData(
      'RecordFinding',
      { auditId: doc.auditId, findingId, severity, description, foundOn, amountInvolved },
      names,
    )),
    ...(rectification
      ? [
          labelled('rectifiedOn', '整改日期', rectification.rectifiedOn, dateText(rectification.rectifiedOn)),
          ...(rectification.amountRecovered
            ? [
                labelled(
                  'amountRecovered',
                  '挽回金额',
                  rectification.amountRecovered,
                  moneyText(rectification.amountRecovered),
                ),
              ]
            : []),
        ]
      : []),
  ];
};

const entry = async (doc: EntryDoc, names: NameBook) => {
  const { villageId, entryId, amount, category, voucherNo, on } = doc;
  const recorded =
    doc.kind === 'receipt'
      ? await labelData(
          'RecordReceipt',
          { villageId, entryId, amount, category, counterparty: doc.party, voucherNo, on },
          names,
        )
      : await labelData(
          'RecordExpenditure',
          { villageId, entryId, amount, category, payee: doc.party, voucherNo, approvalRef: doc.approvalRef, on },
          names,
        );
  return [
    labelled('kind', '收支', doc.kind, doc.kind === 'receipt' ? '收入' : '支出'),
    ...recorded,
    ...(doc.reversal
      ? [
          labelled('reversedOn', '冲销日期', doc.reversal.on, dateText(doc.reversal.on)),
          labelled('reversalReason', '冲销原因', doc.reversal.reason, doc.reversal.reason),
        ]
      : []),
  ];
};

const debt = async (doc: DebtDoc, names: NameBook) => {
  const { villageId, debtId, creditor, amount, incurredOn } = doc;
  const settled = doc.settlements.reduce((sum, s) => sum + s.amount.minor, 0);
  const outstanding = { currency: amount.currency, minor: Math.max(amount.minor - settled, 0) };
  return [
    ...(await labelData('RegisterDebt', { villageId, debtId, creditor, amount, incurredOn }, names)),
    labelled(
      'settled',
      '已化解',
      { currency: amount.currency, minor: settled },
      moneyText({ currency: amount.currency, minor: settled }),
    ),
    labelled('outstanding', '未化解', outstanding, moneyText(outstanding)),
  ];
};

/** An indicator's value in its unit: CNY units count 分. */
export const indicatorValueText = (value: number, unit: string | undefined): string => {
  if (unit === 'CNY') return moneyText({ currency: 'CNY', minor: value });
  if (unit === 'CNY-per-capita') return `${moneyText({ currency: 'CNY', minor: value })}/人`;
  return unit === undefined ? String(value) : `${value}${wordFor('indicatorUnit', unit)}`;
};

const indicator = async (doc: IndicatorDoc, names: NameBook) => [
  labelled('indicator', '指标', doc.code, await names.indicatorName(doc.code)),
  ...(doc.unit ? [wordField('unit', '单位', 'indicatorUnit', doc.unit)] : []),
  ...doc.reports.map((r) =>
    labelled(`reports.${r.period}`, `${r.period} 数值`, r.value, indicatorValueText(r.value, doc.unit)),
  ),
  ...doc.targets.map((t) =>
    labelled(`targets.${t.period}`, `${t.period} 目标`, t.target, indicatorValueText(t.target, doc.unit)),
  ),
];

/** The labelled state of a record of this kind, from its document (a finding: its audit's, and the finding). */
export const stateOf = async (
  kind: RecordKind,
  doc: unknown,
  names: NameBook,
  item?: AuditFinding,
): Promise<LabelledField[]> => {
  switch (kind) {
    case 'investment':
      return investment(doc as InvestmentDoc, names);
    case 'project':
      return project(doc as ProjectDoc, names);
    case 'dispute':
      return dispute(doc as DisputeDoc, names);
    case 'audit':
      return audit(doc as AuditDoc, names);
    case 'finding':
      return finding(doc as AuditDoc, item as AuditFinding, names);
    case 'entry':
      return entry(doc as EntryDoc, names);
    case 'debt':
      return debt(doc as DebtDoc, names);
    case 'village': {
      const { villageId, name } = doc as VillageDoc;
      return labelData('RegisterVillage', { villageId, name }, names);
    }
    case 'term': {
      const { termId, name, startsOn, endsOn } = doc as TermDoc;
      return labelData('OpenTerm', { termId, name, startsOn, endsOn }, names);
    }
    case 'indicator':
      return indicator(doc as IndicatorDoc, names);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown record kind ${String(unknown)}`);
    }
  }
};
