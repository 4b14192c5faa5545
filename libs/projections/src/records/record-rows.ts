import { LocalDate, Money, projectStatus, wordFor } from '@sunshine/domain';
import {
  AuditDoc,
  DebtDoc,
  DisputeDoc,
  EntryDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
} from './record-docs';
import { indicatorName, RecordNames } from './record-names';

/** What a list shows of one record: its name in Chinese, its own date, its amount, where it stands. No personal data. */
export interface RecordRow {
  kind: 'investment' | 'project' | 'dispute' | 'audit' | 'entry' | 'debt' | 'indicator';
  /** The kind in Chinese: 招商签约, 建设项目, … */
  kindLabel: string;
  stream: string;
  /** The record's own id (an entry's or a debt's within its village's stream). */
  recordId: string;
  name: string;
  /** Its code in Chinese: a sector, a project category, a case type, a scope, a cash-book category. */
  category: string | null;
  villageId: string | null;
  villageName: string | null;
  /** The date that places it in a term (signedOn, registeredOn, receivedOn, openedOn, on, incurredOn). */
  date: LocalDate | null;
  amount: Money | null;
  /** Where it stands as of the date the list is for, in Chinese. */
  status: string | null;
}

const disputeStatus = (dispute: DisputeDoc, asOf: LocalDate): string => {
  const conclusion = dispute.conclusion && dispute.conclusion.on <= asOf ? dispute.conclusion : undefined;
  if (!conclusion) return '调处中';
  if (conclusion.kind === 'escalated') return wordFor('escalationTarget', conclusion.to);
  return wordFor('resolutionMethod', conclusion.method);
};

/** A summed amount of one currency, when the record's amounts are in one. */
const oneCurrency = (amounts: Money[]): Money | null => {
  if (amounts.length === 0 || amounts.some((a) => a.currency !== amounts[0].currency)) return null;
  return { currency: amounts[0].currency, minor: amounts.reduce((sum, a) => sum + a.minor, 0) };
};

type Row = Omit<RecordRow, 'villageName' | 'name'> & { name?: string };

const rowOf = (category: string, doc: unknown, asOf: LocalDate): Row | undefined => {
  switch (category) {
    case RECORD_CATEGORIES.investment: {
      const d = doc as InvestmentDoc;
      const ended = d.termination && d.termination.terminatedOn <= asOf;
      return {
        kind: 'investment',
        kindLabel: '招商签约',
        stream: d.stream,
        recordId: d.investmentId,
        name: d.investor,
        category: `${wordFor('origin', d.origin)} · ${wordFor('sector', d.sector)}`,
        villageId: d.villageId ?? null,
        date: d.signedOn,
        amount: d.amount,
        status: ended ? '已终止' : '已签约',
      };
    }
    case RECORD_CATEGORIES.project: {
      const d = doc as ProjectDoc;
      const reached = d.milestones.filter((m) => m.reachedOn <= asOf).map((m) => m.milestone);
      return {
        kind: 'project',
        kindLabel: '建设项目',
        stream: d.stream,
        recordId: d.projectId,
        name: d.name,
        category: wordFor('projectCategory', d.category),
        villageId: d.villageId ?? null,
        date: d.registeredOn,
        amount: d.plannedInvestment,
        status: wordFor('projectStatus', projectStatus(reached)),
      };
    }
    case RECORD_CATEGORIES.dispute: {
      const d = doc as DisputeDoc;
      return {
        kind: 'dispute',
        kindLabel: '矛盾纠纷',
        stream: d.stream,
        recordId: d.disputeId,
        category: wordFor('disputeCategory', d.category),
        villageId: d.villageId ?? null,
        date: d.receivedOn,
        amount: null,
        status: disputeStatus(d, asOf),
      };
    }
    case RECORD_CATEGORIES.audit: {
      const d = doc as AuditDoc;
      const involved = d.findings.flatMap((f) => (f.amountInvolved ? [f.amountInvolved] : []));
      return {
        kind: 'audit',
        kindLabel: '审计',
        stream: d.stream,
        recordId: d.auditId,
        category: wordFor('auditScope', d.scope),
        villageId: d.subject.kind === 'village' ? d.subject.id : null,
        date: d.openedOn,
        amount: oneCurrency(involved),
        status: d.closure && d.closure.closedOn <= asOf ? '已结束' : '进行中',
      };
    }
    case RECORD_CATEGORIES.entry: {
      const d = doc as EntryDoc;
      const receipt = d.kind === 'receipt';
      return {
        kind: 'entry',
        kindLabel: receipt ? '村级收入' : '村级支出',
        stream: `village-${d.villageId}`,
        recordId: d.entryId,
        name: d.party,
        category: wordFor(receipt ? 'receiptCategory' : 'expenditureCategory', d.category),
        villageId: d.villageId,
        date: d.on,
        amount: d.amount,
        status: d.reversal && d.reversal.on <= asOf ? '已冲销' : '已入账',
      };
    }
    case RECORD_CATEGORIES.debt: {
      const d = doc as DebtDoc;
      const settled = d.settlements.filter((s) => s.settledOn <= asOf).reduce((sum, s) => sum + s.amount.minor, 0);
      return {
        kind: 'debt',
        kindLabel: '村级债务',
        stream: `village-${d.villageId}`,
        recordId: d.debtId,
        name: d.creditor,
        category: null,
        villageId: d.villageId,
        date: d.incurredOn,
        amount: d.amount,
        status: settled >= d.amount.minor ? '已化解' : settled > 0 ? '部分化解' : '未化解',
      };
    }
    case RECORD_CATEGORIES.indicator: {
      const d = doc as IndicatorDoc;
      return {
        kind: 'indicator',
        kindLabel: '经济指标',
        stream: d.stream,
        recordId: d.code,
        name: indicatorName(d.code, d.name),
        category: null,
        villageId: null,
        date: null,
        amount: null,
        status: null,
      };
    }
    default:
      return undefined;
  }
};

/** A record as a list row, its village and (for a dispute or an audit) its name looked up. */
export const recordRow = async (
  category: string,
  doc: unknown,
  asOf: LocalDate,
  names: RecordNames,
): Promise<RecordRow | undefined> => {
  const row = rowOf(category, doc, asOf);
  if (!row) return undefined;
  const villageName = row.villageId === null ? null : ((await names.village(row.villageId)) ?? null);
  const name = row.name ?? (await names.ofStream(row.stream));
  return { ...row, name, villageName };
};
