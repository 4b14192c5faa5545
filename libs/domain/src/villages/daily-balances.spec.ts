import { DailyBalances, dateOfDay, dayNumber } from './daily-balances';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The rule as the ledger states it: the balance at the end of `day` and of every later day with a movement. */
const lowestByHand = (movements: [number, number][], from: number) => {
  const balanceOn = (day: number) => movements.reduce((sum, [d, minor]) => (d <= day ? sum + minor : sum), 0);
  let lowest = { minor: balanceOn(from), day: from };
  for (const day of [...new Set(movements.map(([d]) => d))].filter((d) => d > from).sort((a, b) => a - b))
    if (balanceOn(day) < lowest.minor) lowest = { minor: balanceOn(day), day };
  return lowest;
};

describe('day numbers', () => {
  it('count days from 1970-01-01 across leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('2026-11-28')).toBe(Date.UTC(2026, 10, 28) / 86_400_000);
    expect(dayNumber('0001-01-01')).toBe(-719162);
  });

  it('turn back into the same dates', () => {
    for (let day = dayNumber('1899-12-25'); day < dayNumber('1901-01-05'); day++)
      expect(dayNumber(dateOfDay(day))).toBe(day);
    for (const date of ['0001-01-01', '1600-02-29', '1969-12-31', '2024-02-29', '9999-12-31'])
      expect(dateOfDay(dayNumber(date))).toBe(date);
  });
});

describe('daily balances', () => {
  it('are zero before anything is recorded', () =>
    expect(new DailyBalances().lowestFrom(100)).toEqual({ minor: 0, day: 100 }));

  it('find the lowest end-of-day balance from a day on, the earliest day on a tie', () => {
    const balances = new DailyBalances();
    balances.add(10, 1000);
    balances.add(20, -600);
    balances.add(30, 500);
    balances.add(40, -900);
    expect(balances.lowestFrom(5)).toEqual({ minor: 0, day: 5 });
    expect(balances.lowestFrom(10)).toEqual({ minor: 0, day: 40 });
    expect(balances.lowestFrom(41)).toEqual({ minor: 0, day: 41 });
    expect(balances.lowestFrom(25)).toEqual({ minor: 0, day: 40 });
    balances.add(40, 100);
    expect(balances.lowestFrom(10)).toEqual({ minor: 100, day: 40 });
    expect(balances.lowestFrom(12)).toEqual({ minor: 100, day: 40 });
    expect(balances.lowestFrom(20)).toEqual({ minor: 100, day: 40 });
    expect(balances.total).toBe(100);
  });

  it('agree with the rule worked by hand over back-dated movements spread across decades', () => {
    const random = randomFrom(20260928);
    const disagreements: unknown[] = [];
    for (let round = 0; round < 20; round++) {
      const balances = new DailyBalances();
      const movements: [number, number][] = [];
      const spread = [30, 400, 20_000][round % 3];
      for (let i = 0; i < 100; i++) {
        const day = 15_000 + Math.floor((random() - 0.5) * spread);
        const minor = Math.round((random() - 0.45) * 10_000);
        balances.add(day, minor);
        movements.push([day, minor]);
        const from = day + Math.floor((random() - 0.5) * spread);
        const [found, byHand] = [balances.lowestFrom(from), lowestByHand(movements, from)];
        if (found.minor !== byHand.minor || found.day !== byHand.day)
          disagreements.push({ round, i, from, found, byHand });
      }
      if (balances.total !== movements.reduce((sum, [, minor]) => sum + minor, 0))
        disagreements.push({ round, total: balances.total });
    }
    expect(disagreements).toEqual([]);
  });
});
