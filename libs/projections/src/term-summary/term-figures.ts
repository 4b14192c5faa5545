import {
  AuditDoc,
  DebtDoc,
  debtKey,
  DisputeDoc,
  EntryDoc,
  entryKey,
  HonourDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
} from '../records/record-docs';
import { countAudit, noAudits } from './audits';
import { countDispute, finishDisputes, noDisputes } from './disputes';
import { FigureTree } from './figure-tree';
import { Tally, TermWindow } from './figures';
import { countHonour, noHonours } from './honours';
import { countIndicator } from './indicators';
import { countInvestment, noInvestment } from './investment';
import { countKeyProject, countProject, finishProjects, noProjects } from './projects';
import { TermSummary } from './term-summary.types';
import { countDebt, countEntry, noVillageFinance } from './village-finance';

/** The document categories a term summary counts, in the order it reads them. */
export const COUNTED_CATEGORIES: readonly string[] = [
  RECORD_CATEGORIES.investment,
  RECORD_CATEGORIES.project,
  RECORD_CATEGORIES.dispute,
  RECORD_CATEGORIES.audit,
  RECORD_CATEGORIES.entry,
  RECORD_CATEGORIES.debt,
  RECORD_CATEGORIES.indicator,
  RECORD_CATEGORIES.honour,
];

/** Adds (or, with a taking-back tally, removes) what one record document contributes to a term. */
export const countRecord = (category: string, doc: unknown, window: TermWindow, tally: Tally): void => {
  switch (category) {
    case RECORD_CATEGORIES.investment:
      return countInvestment(doc as InvestmentDoc, window, tally);
    case RECORD_CATEGORIES.project:
      countProject(doc as ProjectDoc, window, tally);
      return countKeyProject(doc as ProjectDoc, window, tally);
    case RECORD_CATEGORIES.dispute:
      return countDispute(doc as DisputeDoc, window, tally);
    case RECORD_CATEGORIES.audit:
      return countAudit(doc as AuditDoc, window, tally);
    case RECORD_CATEGORIES.entry:
      return countEntry(doc as EntryDoc, window, tally);
    case RECORD_CATEGORIES.debt:
      return countDebt(doc as DebtDoc, window, tally);
    case RECORD_CATEGORIES.indicator:
      return countIndicator(doc as IndicatorDoc, window, tally);
    case RECORD_CATEGORIES.honour:
      return countHonour(doc as HonourDoc, window, tally);
  }
};

/** The key the records projection stores a counted document under (see `recordsProjection`). */
export const recordKey = (category: string, doc: unknown): string => {
  switch (category) {
    case RECORD_CATEGORIES.entry: {
      const entry = doc as EntryDoc;
      return entryKey(entry.villageId, entry.entryId);
    }
    case RECORD_CATEGORIES.debt: {
      const debt = doc as DebtDoc;
      return debtKey(debt.villageId, debt.debtId);
    }
    default:
      return (doc as { stream: string }).stream;
  }
};

export type SummaryFigures = Pick<
  TermSummary,
  'investment' | 'projects' | 'disputes' | 'audits' | 'villageFinance' | 'indicators' | 'keyProjects' | 'honours'
>;

/** The sections of a summary from the figures its records added up to. */
export const summaryFigures = (tree: FigureTree): SummaryFigures => {
  const figures: SummaryFigures = {
    investment: noInvestment(),
    projects: noProjects(),
    disputes: noDisputes(),
    audits: noAudits(),
    villageFinance: noVillageFinance(),
    indicators: {},
    keyProjects: {},
    honours: noHonours(),
  };
  tree.writeInto(figures as unknown as Record<string, unknown>);
  finishProjects(figures.projects);
  finishDisputes(figures.disputes);
  return figures;
};
