import { StoredEvent } from '@sunshine/event-store';
import {
  AuditScope,
  AuditSubject,
  DisputeCategory,
  EscalationTarget,
  ExpenditureCategory,
  FundingSource,
  HonourLevel,
  IndicatorDefinition,
  LocalDate,
  MediationOutcome,
  Milestone,
  Money,
  Origin,
  ProjectCategory,
  ReceiptCategory,
  ResolutionMethod,
  SettlementMethod,
  Severity,
  WarningAction,
} from '@sunshine/domain';

/**
 * The documents of the `records` projection: one per record, holding its current state and the
 * dated history a term summary or a village ledger needs to evaluate it "as of" a business date.
 */

/** One event that shaped a document, for evidence and the audit trail. */
export interface EventRef {
  eventId: string;
  stream: string;
  revision: number;
  position: string;
  type: string;
  occurredOn: LocalDate;
  recordedAt: string;
}

export const refOf = (event: StoredEvent): EventRef => ({
  eventId: event.eventId,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
});

/** What every record document carries. A voided record stays, marked, and counts nowhere. */
export interface RecordDoc {
  stream: string;
  voided: boolean;
  refs: EventRef[];
}

export interface TermDoc {
  termId: string;
  name: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  refs: EventRef[];
}

export interface InvestmentDoc extends RecordDoc {
  investmentId: string;
  investor: string;
  sector: string;
  origin: Origin;
  /** As amended: an amendment replaces the signed amount, date, sector or investor. */
  amount: Money;
  signedOn: LocalDate;
  villageId?: string;
  projectId?: string;
  arrivals: { amount: Money; arrivedOn: LocalDate; eventId: string }[];
  termination?: { terminatedOn: LocalDate; reason: string; eventId: string };
}

export interface ProjectDoc extends RecordDoc {
  projectId: string;
  name: string;
  category: ProjectCategory;
  registeredOn: LocalDate;
  plannedInvestment: Money;
  funding: { source: FundingSource; amount: Money }[];
  villageId?: string;
  /** In recording order, which is also date order (a milestone is never dated before the previous one). */
  milestones: { milestone: Milestone; reachedOn: LocalDate; eventId: string }[];
  /** Cumulative figures in recording order; `asOf` never decreases along it. */
  progress: { investedToDate: Money; asOf: LocalDate; eventId: string }[];
  outputs: { metric: string; quantity: number; on: LocalDate; eventId: string }[];
  /** The latest MarkKeyProject: whether it is a key project (重点项目) now. A mark has no business date. */
  key?: { key: boolean; reason: string; eventId: string };
}

export type DisputeConclusion =
  | { kind: 'resolved'; method: ResolutionMethod; on: LocalDate; eventId: string }
  | { kind: 'escalated'; to: EscalationTarget; on: LocalDate; eventId: string };

/** Parties are personal data: only their subjectIds are kept here, never names, ID numbers or phones. */
export interface DisputeDoc extends RecordDoc {
  disputeId: string;
  category: DisputeCategory;
  receivedOn: LocalDate;
  villageId?: string;
  subjectIds: string[];
  mediations: { heldOn: LocalDate; outcome: MediationOutcome; eventId: string }[];
  conclusion?: DisputeConclusion;
}

export interface AuditFinding {
  findingId: string;
  severity: Severity;
  /** What the auditors found, as they wrote it (a list and a record page show it). */
  description: string;
  /** When it was found; for a finding recorded before findings had a date, the day it was recorded. */
  foundOn: LocalDate;
  /** Recorded before findings had a date: `foundOn` is only the recording day. */
  undated?: true;
  amountInvolved?: Money;
  eventId: string;
  rectification?: { rectifiedOn: LocalDate; amountRecovered?: Money; eventId: string };
}

export interface AuditDoc extends RecordDoc {
  auditId: string;
  subject: AuditSubject;
  scope: AuditScope;
  openedOn: LocalDate;
  leadAuditor: string;
  findings: AuditFinding[];
  closure?: { closedOn: LocalDate; eventId: string };
}

export interface VillageDoc {
  villageId: string;
  name: string;
  stream: string;
  refs: EventRef[];
}

/** One cash-book entry of a village. */
export interface EntryDoc {
  villageId: string;
  entryId: string;
  kind: 'receipt' | 'expenditure';
  amount: Money;
  category: ReceiptCategory | ExpenditureCategory;
  /** The counterparty of a receipt, the payee of an expenditure. */
  party: string;
  voucherNo: string;
  approvalRef?: string;
  on: LocalDate;
  eventId: string;
  reversal?: { on: LocalDate; reason: string; eventId: string };
  refs: EventRef[];
}

export interface DebtDoc {
  villageId: string;
  debtId: string;
  creditor: string;
  amount: Money;
  incurredOn: LocalDate;
  eventId: string;
  settlements: { amount: Money; settledOn: LocalDate; method: SettlementMethod; eventId: string }[];
  refs: EventRef[];
}

/** The value of one period after its revisions; `eventIds` lists the first report and every revision. */
export interface IndicatorReport {
  period: string;
  value: number;
  recordedAt: string;
  position: string;
  eventIds: string[];
}

export interface IndicatorTarget {
  period: string;
  target: number;
  recordedAt: string;
  position: string;
  eventId: string;
}

export interface IndicatorDoc extends RecordDoc {
  code: string;
  /** The Chinese name it was defined with (DefineIndicator); absent for a built-in code never defined. */
  name?: string;
  /** Fixed by the first report; absent while only a target has been set. */
  unit?: string;
  /** One per period, in the order the periods were first reported. */
  reports: IndicatorReport[];
  /** In recording order: the last one overlapping a term is the one that counts. */
  targets: IndicatorTarget[];
  /** Its DefineIndicator, as last redefined; absent for a code only the built-in catalogue (or nothing) defines. */
  definition?: IndicatorDefinition & { eventId: string };
}

/** An honour the township received (荣誉), placed in a span by `awardedOn`. */
export interface HonourDoc extends RecordDoc {
  honourId: string;
  title: string;
  awardedBy: string;
  awardedOn: LocalDate;
  level: HonourLevel;
}

/** A term's written prose (stream `report-<termId>`): each section's current text and the event that wrote it. */
export interface ReportProseDoc extends RecordDoc {
  termId: string;
  sections: Record<string, { text: string; eventId: string }>;
}

/** One handling of a warning, with who recorded it: the trail a supervisor answers for. */
export interface WarningHandling {
  handledOn: LocalDate;
  action: WarningAction;
  note: string;
  by: { userId: string; role: string };
  recordedAt: string;
  eventId: string;
}

/** A warning's handlings (the warning itself is derived as of a date, never stored). */
export interface WarningDoc extends RecordDoc {
  warningId: string;
  handlings: WarningHandling[];
}

/** Document categories of the `records` projection. */
export const RECORD_CATEGORIES = {
  term: 'term',
  investment: 'investment',
  project: 'project',
  dispute: 'dispute',
  audit: 'audit',
  indicator: 'indicator',
  honour: 'honour',
  report: 'report',
  village: 'village',
  entry: 'village-entry',
  debt: 'village-debt',
  warning: 'warning',
} as const;

export const termKey = (termId: string): string => `term/${termId}`;
export const villageKey = (villageId: string): string => `village-${villageId}`;
export const entryKey = (villageId: string, entryId: string): string => `village-${villageId}/entry/${entryId}`;
export const debtKey = (villageId: string, debtId: string): string => `village-${villageId}/debt/${debtId}`;
export const entryPrefix = (villageId: string): string => `village-${villageId}/entry/`;
export const debtPrefix = (villageId: string): string => `village-${villageId}/debt/`;

/** Refs of the given events, in the order the document holds them (stream order). */
export const refsOf = (doc: { refs: EventRef[] }, eventIds: Iterable<string | undefined>): EventRef[] => {
  const wanted = new Set(eventIds);
  return doc.refs.filter((ref) => wanted.has(ref.eventId));
};

/** Refs of the document's events of the given types. */
export const refsOfType = (doc: { refs: EventRef[] }, ...types: string[]): EventRef[] =>
  doc.refs.filter((ref) => types.includes(ref.type));
