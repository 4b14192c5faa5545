import {
  HonourLevel,
  IndicatorKind,
  IndicatorSection,
  LocalDate,
  Money,
  MoneyMap,
  Origin,
  ProjectCategory,
  ProjectStatus,
} from '@sunshine/domain';

/** The term summary, exactly as docs/api.md#term-summary shows it (each figure: docs/domain.md#the-term-summary). */
export interface TermSummary {
  termId: string;
  name: string;
  from: string;
  to: string;
  knownAt: string | null;
  position: string | null;
  investment: InvestmentFigures;
  projects: ProjectFigures;
  disputes: DisputeFigures;
  audits: AuditFigures;
  villageFinance: VillageFinanceFigures;
  indicators: Record<string, IndicatorFigures>;
  /** The projects marked key (重点项目) under way in the term, by projectId. */
  keyProjects: Record<string, KeyProjectFigures>;
  honours: HonourFigures;
}

export interface InvestmentFigures {
  signings: number;
  terminated: number;
  signed: Record<Origin, MoneyMap>;
  arrived: Record<Origin, MoneyMap>;
  bands: { atLeast10mCny: number; atLeast50mCny: number; atLeast100mCny: number };
  bySector: Record<string, { signings: number; signed: MoneyMap }>;
  /** Signings in a currency without size bands (every currency but CNY), counted per currency. */
  unbanded: Record<string, number>;
}

export type ProjectStatusCounts = {
  registered: number;
  'under-construction': number;
  completed: number;
  accepted: number;
  commissioned: number;
  suspended: number;
};

export interface ProjectFigures {
  registered: number;
  byStatus: ProjectStatusCounts;
  investedToDate: MoneyMap;
  outputs: Record<string, number>;
  oneMatterOneDiscussion: { projects: number; plannedInvestment: MoneyMap; funding: Record<string, MoneyMap> };
}

export interface DisputeFigures {
  registered: number;
  resolvedByMediation: number;
  resolvedOtherwise: number;
  escalated: number;
  open: number;
  mediationSuccessRate: number | null;
}

export interface AuditFigures {
  opened: number;
  closed: number;
  findings: number;
  openFindings: number;
  amountInvolved: MoneyMap;
  amountRecovered: MoneyMap;
}

export interface VillageFinanceFigures {
  receipts: MoneyMap;
  expenditures: MoneyMap;
  debtsRegistered: MoneyMap;
  debtsSettled: MoneyMap;
  /** 存量债务: debts incurred before the term and not settled by its first day. */
  debtsOutstandingAtStart: MoneyMap;
}

export interface PeriodValue {
  period: string;
  value: number;
}

export interface IndicatorFigures {
  unit: string | null;
  /** From the indicator's DefineIndicator, else the built-in catalogue; null for a code neither defines. */
  name: string | null;
  kind: IndicatorKind | null;
  section: IndicatorSection | null;
  first: PeriodValue | null;
  last: PeriodValue | null;
  ratio: number | null;
  target: { period: string; value: number; reported: PeriodValue | null; completion: number | null } | null;
}

/** A key project (重点项目) as of the term's end. */
export interface KeyProjectFigures {
  name: string;
  category: ProjectCategory;
  registeredOn: LocalDate;
  plannedInvestment: Money;
  status: ProjectStatus;
  /** The latest progress report by the term's end; null without one. */
  investedToDate: Money | null;
  /** The latest progress report before the term's first day (a project carried over); null without one. */
  investedAtStart: Money | null;
}

export interface HonourFigures {
  /** Honours awarded in the term (by awardedOn). */
  awarded: number;
  byLevel: Record<HonourLevel, number>;
  /** Each honour by honourId. */
  list: Record<string, { title: string; awardedBy: string; awardedOn: LocalDate; level: HonourLevel }>;
}
