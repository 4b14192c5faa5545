import { byLatestEndThenLongest, liesWithin, overlapsDates, parsePeriod, Period } from './period';

const period = (text: string) => parsePeriod(text) as Period;

describe('indicator periods', () => {
  it('parses a year and a month range', () => {
    expect(parsePeriod('2013')).toEqual({ text: '2013', start: '2013-01', end: '2013-12', annual: true });
    expect(parsePeriod('2013-01/2013-09')).toEqual({ text: '2013-01/2013-09', start: '2013-01', end: '2013-09', annual: false });
  });

  it('rejects what is not a period', () => {
    for (const text of ['13', '2013-13/2014-01', '2013-05/2013-04', '2013-01', '2013-1/2013-2', '2013-01/2013-09 ']) expect(parsePeriod(text)).toBeUndefined();
  });

  it('overlaps a term when one of its days lies in it', () => {
    expect(overlapsDates(period('2013'), '2008-10-01', '2013-09-30')).toBe(true);
    expect(overlapsDates(period('2008'), '2008-10-01', '2013-09-30')).toBe(true);
    expect(overlapsDates(period('2007'), '2008-10-01', '2013-09-30')).toBe(false);
    expect(overlapsDates(period('2008-01/2008-09'), '2008-10-01', '2013-09-30')).toBe(false);
    expect(overlapsDates(period('2013-09/2013-12'), '2008-10-01', '2013-09-30')).toBe(true);
  });

  it('lies within another period', () => {
    expect(liesWithin(period('2013-01/2013-09'), period('2013'))).toBe(true);
    expect(liesWithin(period('2013'), period('2013'))).toBe(true);
    expect(liesWithin(period('2012-12/2013-02'), period('2013'))).toBe(false);
  });

  it('orders the latest end first, the longer first on a tie', () => {
    const sorted = ['2013-04/2013-09', '2013-01/2013-06', '2013-01/2013-09'].map(period).sort(byLatestEndThenLongest);
    expect(sorted.map((p) => p.text)).toEqual(['2013-01/2013-09', '2013-04/2013-09', '2013-01/2013-06']);
  });
});
