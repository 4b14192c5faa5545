import { InvestmentDoc, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { InvestmentFigures } from './term-summary.types';

type Band = keyof InvestmentFigures['bands'];

/**
 * Size bands by currency, in minor units: each counts every signing at or above its floor. Only
 * CNY has bands; a signing in another currency is in no band and is counted in `unbanded` under
 * its currency, so a report can say so rather than leave it out silently.
 */
const BANDS_BY_CURRENCY: Readonly<Record<string, readonly (readonly [Band, number])[]>> = {
  CNY: [
    ['atLeast10mCny', 10_000_000 * 100],
    ['atLeast50mCny', 50_000_000 * 100],
    ['atLeast100mCny', 100_000_000 * 100],
  ],
};

const PATH = ['investment'];

export const noInvestment = (): InvestmentFigures => ({
  signings: 0,
  terminated: 0,
  signed: { domestic: {}, foreign: {} },
  arrived: { domestic: {}, foreign: {} },
  bands: { atLeast10mCny: 0, atLeast50mCny: 0, atLeast100mCny: 0 },
  bySector: {},
  unbanded: {},
});

/**
 * Signings dated in the term by their (possibly amended) signedOn. A termination or an arrival
 * counts when dated by the term's end. Evidence of a signing: its signing and every amendment.
 */
export const countInvestment = (investment: InvestmentDoc, window: TermWindow, tally: Tally): void => {
  if (investment.voided || !window.includes(investment.signedOn)) return;
  const signing = refsOfType(investment, 'InvestmentSigned', 'InvestmentAmended');
  const { termination, origin, amount, sector } = investment;
  if (termination && window.reached(termination.terminatedOn)) {
    tally.count([...PATH, 'terminated'], [...signing, ...refsOf(investment, [termination.eventId])]);
    return;
  }
  tally.count([...PATH, 'signings'], signing);
  tally.money([...PATH, 'signed', origin], amount, signing);
  for (const arrival of investment.arrivals)
    if (window.reached(arrival.arrivedOn))
      tally.money([...PATH, 'arrived', origin], arrival.amount, [...signing, ...refsOf(investment, [arrival.eventId])]);
  const bands = Object.hasOwn(BANDS_BY_CURRENCY, amount.currency) ? BANDS_BY_CURRENCY[amount.currency] : undefined;
  if (!bands) tally.count([...PATH, 'unbanded', amount.currency], signing);
  else for (const [band, floor] of bands) if (amount.minor >= floor) tally.count([...PATH, 'bands', band], signing);
  tally.count([...PATH, 'bySector', sector, 'signings'], signing);
  tally.money([...PATH, 'bySector', sector, 'signed'], amount, signing);
};
