import { DebtDoc, EntryDoc, refsOf } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { VillageFinanceFigures } from './term-summary.types';

const PATH = ['villageFinance'];

export const noVillageFinance = (): VillageFinanceFigures => ({
  receipts: {},
  expenditures: {},
  debtsRegistered: {},
  debtsSettled: {},
  debtsOutstandingAtStart: {},
});

/**
 * A cash-book entry by its own date in the term.
 *
 * A reversed entry is excluded only when the reversal is dated by the term's end: what happened
 * to a record counts as of the term's end, so an entry reversed after the term still counts in
 * it (and a reversal never reaches back into a term whose entry lies outside it).
 */
export const countEntry = (entry: EntryDoc, window: TermWindow, tally: Tally): void => {
  if (!window.includes(entry.on) || (entry.reversal && window.reached(entry.reversal.on))) return;
  const figure = entry.kind === 'receipt' ? 'receipts' : 'expenditures';
  tally.money([...PATH, figure], entry.amount, refsOf(entry, [entry.eventId]));
};

/**
 * A debt by its incurredOn (新增); settlements by their own settledOn, whatever the debt's date and
 * method (化解); and a debt incurred before the term, as much of it as was not settled before the
 * term's first day (存量).
 */
export const countDebt = (debt: DebtDoc, window: TermWindow, tally: Tally): void => {
  if (debt.incurredOn < window.from) {
    const settledBefore = debt.settlements.filter((s) => s.settledOn < window.from);
    const outstanding = debt.amount.minor - settledBefore.reduce((sum, s) => sum + s.amount.minor, 0);
    if (outstanding > 0)
      tally.money(
        [...PATH, 'debtsOutstandingAtStart'],
        { currency: debt.amount.currency, minor: outstanding },
        refsOf(debt, [debt.eventId, ...settledBefore.map((s) => s.eventId)]),
      );
  }
  if (window.includes(debt.incurredOn))
    tally.money([...PATH, 'debtsRegistered'], debt.amount, refsOf(debt, [debt.eventId]));
  for (const settlement of debt.settlements)
    if (window.includes(settlement.settledOn))
      tally.money([...PATH, 'debtsSettled'], settlement.amount, refsOf(debt, [settlement.eventId]));
};
