import { MoneyMap, PROJECT_STATUSES, wordFor } from '@sunshine/domain';
import { DisputeDoc, EntryDoc, InvestmentDoc } from '../records/record-docs';
import { roundedRatio } from '../term-summary/decimal';
import { Contribution } from '../term-summary/evidence';
import { TermSummary } from '../term-summary/term-summary.types';

/**
 * The supervisors' charts of a term, each the split of a summary figure: every contribution the
 * summary counted goes to exactly one bar, so the bars of a chart add up to the summary's figure.
 */
export interface InvestmentBar {
  signings: number;
  signed: MoneyMap;
  arrived: MoneyMap;
}

export interface DisputeBar {
  registered: number;
  resolvedByMediation: number;
  resolvedOtherwise: number;
  escalated: number;
  open: number;
  mediationSuccessRate: number | null;
}

export interface OverviewCharts {
  /** Signings by the year signed, arrivals by the year they arrived. */
  investmentByYear: ({ year: string } & InvestmentBar)[];
  investmentBySector: ({ sector: string; label: string } & InvestmentBar)[];
  projectsByStatus: { status: string; label: string; count: number }[];
  /** By the month received, every month from the first to the last with a dispute. */
  disputesByMonth: ({ month: string } & DisputeBar)[];
  disputesByCategory: ({ category: string; label: string } & DisputeBar)[];
  /** The term's receipts and expenditures of each village with entries in it. */
  villageFinance: { villageId: string; receipts: MoneyMap; expenditures: MoneyMap }[];
}

const DISPUTE_OUTCOMES = ['registered', 'resolvedByMediation', 'resolvedOtherwise', 'escalated', 'open'] as const;
type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

const bucket = <T>(buckets: Map<string, T>, key: string, fresh: () => T): T => {
  let found = buckets.get(key);
  if (!found) buckets.set(key, (found = fresh()));
  return found;
};

const add = (map: MoneyMap, currency: string, minor: number) => (map[currency] = (map[currency] ?? 0) + minor);

const noInvestment = (): InvestmentBar => ({ signings: 0, signed: {}, arrived: {} });
const noDisputes = (): DisputeBar => ({
  registered: 0,
  resolvedByMediation: 0,
  resolvedOtherwise: 0,
  escalated: 0,
  open: 0,
  mediationSuccessRate: null,
});

const withRate = (bar: DisputeBar): DisputeBar => ({
  ...bar,
  mediationSuccessRate: roundedRatio(
    bar.resolvedByMediation,
    bar.resolvedByMediation + bar.resolvedOtherwise + bar.escalated,
  ),
});

const sortedByKey = <T>(buckets: Map<string, T>): [string, T][] =>
  [...buckets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Every month from the first to the last, `YYYY-MM`. */
const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
};

export const overviewCharts = (summary: TermSummary, contributions: readonly Contribution[]): OverviewCharts => {
  const byYear = new Map<string, InvestmentBar>();
  const bySector = new Map<string, InvestmentBar>();
  const byMonth = new Map<string, DisputeBar>();
  const byCategory = new Map<string, DisputeBar>();
  const villages = new Map<string, { receipts: MoneyMap; expenditures: MoneyMap }>();
  for (const { path, refs, record, amount = 0 } of contributions) {
    if (!record) continue;
    const [section, figure] = path;
    if (section === 'investment') {
      const doc = record.doc as InvestmentDoc;
      if (figure === 'signings') bucket(byYear, doc.signedOn.slice(0, 4), noInvestment).signings += amount;
      if (figure === 'signed') add(bucket(byYear, doc.signedOn.slice(0, 4), noInvestment).signed, path[3], amount);
      if (figure === 'arrived') {
        // The arrival this contribution counts is the one among its events.
        const arrival = doc.arrivals.find((a) => refs.some((ref) => ref.eventId === a.eventId));
        if (arrival) add(bucket(byYear, arrival.arrivedOn.slice(0, 4), noInvestment).arrived, path[3], amount);
        add(bucket(bySector, doc.sector, noInvestment).arrived, path[3], amount);
      }
      if (figure === 'bySector' && path[3] === 'signings') bucket(bySector, path[2], noInvestment).signings += amount;
      if (figure === 'bySector' && path[3] === 'signed')
        add(bucket(bySector, path[2], noInvestment).signed, path[4], amount);
    } else if (section === 'disputes' && (DISPUTE_OUTCOMES as readonly string[]).includes(figure)) {
      const doc = record.doc as DisputeDoc;
      bucket(byMonth, doc.receivedOn.slice(0, 7), noDisputes)[figure as DisputeOutcome] += amount;
      bucket(byCategory, doc.category, noDisputes)[figure as DisputeOutcome] += amount;
    } else if (section === 'villageFinance' && (figure === 'receipts' || figure === 'expenditures')) {
      const doc = record.doc as EntryDoc;
      add(bucket(villages, doc.villageId, () => ({ receipts: {}, expenditures: {} }))[figure], path[2], amount);
    }
  }
  const months = sortedByKey(byMonth).map(([month]) => month);
  return {
    investmentByYear: sortedByKey(byYear).map(([year, bar]) => ({ year, ...bar })),
    investmentBySector: sortedByKey(bySector).map(([sector, bar]) => ({
      sector,
      label: wordFor('sector', sector),
      ...bar,
    })),
    projectsByStatus: PROJECT_STATUSES.map((status) => ({
      status,
      label: wordFor('projectStatus', status),
      count: summary.projects.byStatus[status],
    })),
    disputesByMonth: months.length
      ? monthsBetween(months[0], months[months.length - 1]).map((month) => ({
          month,
          ...withRate(byMonth.get(month) ?? noDisputes()),
        }))
      : [],
    disputesByCategory: sortedByKey(byCategory).map(([category, bar]) => ({
      category,
      label: wordFor('disputeCategory', category),
      ...withRate(bar),
    })),
    villageFinance: sortedByKey(villages).map(([villageId, figures]) => ({ villageId, ...figures })),
  };
};
