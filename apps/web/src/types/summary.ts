import type { MoneyMap } from '@/utils/format';

/** A term as GET /api/v1/terms lists it. */
export interface Term {
  termId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface IndicatorFigures {
  unit: string | null;
  first: { period: string; value: number } | null;
  last: { period: string; value: number } | null;
  ratio: number | null;
  target: {
    period: string;
    value: number;
    reported: { period: string; value: number } | null;
    completion: number | null;
  } | null;
}

/** The term summary (GET /api/v1/terms/{termId}/summary), as far as the overview reads it. */
export interface TermSummary {
  termId: string;
  name: string;
  from: string;
  to: string;
  knownAt: string | null;
  position: string;
  investment: {
    signings: number;
    terminated: number;
    signed: { domestic: MoneyMap; foreign: MoneyMap };
    arrived: { domestic: MoneyMap; foreign: MoneyMap };
    bands: { atLeast10mCny: number; atLeast50mCny: number; atLeast100mCny: number };
  };
  projects: { registered: number; byStatus: Record<string, number>; investedToDate: MoneyMap };
  disputes: {
    registered: number;
    resolvedByMediation: number;
    resolvedOtherwise: number;
    escalated: number;
    open: number;
    mediationSuccessRate: number | null;
  };
  audits: {
    opened: number;
    closed: number;
    findings: number;
    openFindings: number;
    amountInvolved: MoneyMap;
    amountRecovered: MoneyMap;
  };
  villageFinance: { receipts: MoneyMap; expenditures: MoneyMap; debtsRegistered: MoneyMap; debtsSettled: MoneyMap };
  indicators: Record<string, IndicatorFigures>;
}

/** One new event as GET /api/v1/live tells it (never its data). */
export interface Activity {
  position: string;
  type: string;
  stream: string;
  occurredOn: string;
  recordedAt: string;
  actor: { role: string };
}
