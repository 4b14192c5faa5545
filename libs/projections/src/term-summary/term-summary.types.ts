import { MoneyMap, Origin } from '@sunshine/domain';

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
}

export interface InvestmentFigures {
  signings: number;
  terminated: number;
  signed: Record<Origin, MoneyMap>;
  arrived: Record<Origin, MoneyMap>;
  bands: { atLeast10mCny: number; atLeast50mCny: number; atLeast100mCny: number };
  bySector: Record<string, { signings: number; signed: MoneyMap }>;
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
}

export interface PeriodValue {
  period: string;
  value: number;
}

export interface IndicatorFigures {
  unit: string | null;
  first: PeriodValue | null;
  last: PeriodValue | null;
  ratio: number | null;
  target: { period: string; value: number; reported: PeriodValue | null; completion: number | null } | null;
}
