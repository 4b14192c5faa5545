import { InvestmentDoc, RECORD_CATEGORIES, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { RecordSource } from '../records/record-source';
import { InvestmentFigures } from './term-summary.types';

/** Size bands of CNY signings, in fen: each counts every signing at or above its floor. */
const BANDS = [
  ['atLeast10mCny', 10_000_000 * 100],
  ['atLeast50mCny', 50_000_000 * 100],
  ['atLeast100mCny', 100_000_000 * 100],
] as const;

const PATH = ['investment'];

/**
 * Signings dated in the term by their (possibly amended) signedOn. A termination or an arrival
 * counts when dated by the term's end. Evidence of a signing: its signing and every amendment.
 */
export const summarizeInvestment = async (window: TermWindow, source: RecordSource, tally: Tally): Promise<InvestmentFigures> => {
  const figures: InvestmentFigures = {
    signings: 0,
    terminated: 0,
    signed: { domestic: {}, foreign: {} },
    arrived: { domestic: {}, foreign: {} },
    bands: { atLeast10mCny: 0, atLeast50mCny: 0, atLeast100mCny: 0 },
    bySector: {},
  };
  for await (const investment of source.scan<InvestmentDoc>(RECORD_CATEGORIES.investment)) {
    if (investment.voided || !window.includes(investment.signedOn)) continue;
    const signing = refsOfType(investment, 'InvestmentSigned', 'InvestmentAmended');
    const { termination, origin, amount, sector } = investment;
    if (termination && window.reached(termination.terminatedOn)) {
      tally.count(figures, 'terminated', PATH, [...signing, ...refsOf(investment, [termination.eventId])]);
      continue;
    }
    tally.count(figures, 'signings', PATH, signing);
    tally.money(figures.signed[origin], amount, [...PATH, 'signed', origin], signing);
    for (const arrival of investment.arrivals)
      if (window.reached(arrival.arrivedOn))
        tally.money(figures.arrived[origin], arrival.amount, [...PATH, 'arrived', origin], [...signing, ...refsOf(investment, [arrival.eventId])]);
    if (amount.currency === 'CNY')
      for (const [band, floor] of BANDS) if (amount.minor >= floor) tally.count(figures.bands, band, [...PATH, 'bands'], signing);
    const bySector = (figures.bySector[sector] ??= { signings: 0, signed: {} });
    tally.count(bySector, 'signings', [...PATH, 'bySector', sector], signing);
    tally.money(bySector.signed, amount, [...PATH, 'bySector', sector, 'signed'], signing);
  }
  return figures;
};
