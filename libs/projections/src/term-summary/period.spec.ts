import { byLatestEndThenLongest, liesWithin, overlapsDates, Period, periodOf } from './period';

const period = (text: string) => periodOf(text) as Period;

describe('indicator periods', () => {
  it('reads a year and a span of months by their days', () => {
    expect(periodOf('2013')).toEqual({ text: '2013', first: '2013-01-01', last: '2013-12-31', annual: true });
    expect(periodOf('2012-01/2012-02')).toEqual({
      text: '2012-01/2012-02',
      first: '2012-01-01',
      last: '2012-02-29',
      annual: false,
    });
    expect(periodOf('2013-05/2013-04')).toBeUndefined();
  });

  it('overlaps a term when one of its days lies in it', () => {
    expect(overlapsDates(period('2013'), '2008-10-01', '2013-09-30')).toBe(true);
    expect(overlapsDates(period('2008'), '2008-10-01', '2013-09-30')).toBe(true);
    expect(overlapsDates(period('2007'), '2008-10-01', '2013-09-30')).toBe(false);
    expect(overlapsDates(period('2008-01/2008-09'), '2008-10-01', '2013-09-30')).toBe(false);
    expect(overlapsDates(period('2013-09/2013-12'), '2008-10-01', '2013-09-30')).toBe(true);
    expect(overlapsDates(period('2013-10/2013-12'), '2008-10-01', '2013-09-30')).toBe(false);
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
