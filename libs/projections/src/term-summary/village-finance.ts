import { DebtDoc, EntryDoc, RECORD_CATEGORIES, refsOf } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { RecordSource } from '../records/record-source';
import { VillageFinanceFigures } from './term-summary.types';

const PATH = ['villageFinance'];

/**
 * Cash-book entries and debt events, each by its own date in the term.
 *
 * A reversed entry is excluded only when the reversal is dated by the term's end: what happened
 * to a record counts as of the term's end, so an entry reversed after the term still counts in
 * it (and a reversal never reaches back into a term whose entry lies outside it).
 * Settlements count by their own settledOn, whatever the debt's date and method.
 */
export const summarizeVillageFinance = async (window: TermWindow, source: RecordSource, tally: Tally): Promise<VillageFinanceFigures> => {
  const figures: VillageFinanceFigures = { receipts: {}, expenditures: {}, debtsRegistered: {}, debtsSettled: {} };
  for await (const entry of source.scan<EntryDoc>(RECORD_CATEGORIES.entry)) {
    if (!window.includes(entry.on) || (entry.reversal && window.reached(entry.reversal.on))) continue;
    const figure = entry.kind === 'receipt' ? 'receipts' : 'expenditures';
    tally.money(figures[figure], entry.amount, [...PATH, figure], refsOf(entry, [entry.eventId]));
  }
  for await (const debt of source.scan<DebtDoc>(RECORD_CATEGORIES.debt)) {
    if (window.includes(debt.incurredOn)) tally.money(figures.debtsRegistered, debt.amount, [...PATH, 'debtsRegistered'], refsOf(debt, [debt.eventId]));
    for (const settlement of debt.settlements)
      if (window.includes(settlement.settledOn)) tally.money(figures.debtsSettled, settlement.amount, [...PATH, 'debtsSettled'], refsOf(debt, [settlement.eventId]));
  }
  return figures;
};
