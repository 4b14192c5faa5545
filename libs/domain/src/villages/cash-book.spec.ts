import { CashBook } from './cash-book';
import { VillageFinanceEvent } from './villages.events';

const V = 'xicun';
const cny = (minor: number) => ({ currency: 'CNY', minor });
const receipt = (entryId: string, minor: number, on: string, eventId?: string): VillageFinanceEvent => ({
  type: 'ReceiptRecorded',
  data: {
    villageId: V,
    entryId,
    amount: cny(minor),
    category: 'fiscal-transfer',
    counterparty: '镇财政所',
    voucherNo: `收-${entryId}`,
    on,
  },
  ...(eventId ? { eventId } : {}),
});
const expenditure = (entryId: string, minor: number, on: string): VillageFinanceEvent => ({
  type: 'ExpenditureRecorded',
  data: {
    villageId: V,
    entryId,
    amount: cny(minor),
    category: 'welfare',
    payee: '五保户',
    voucherNo: `付-${entryId}`,
    approvalRef: '决议-1',
    on,
  },
});
const reversal = (entryId: string): VillageFinanceEvent => ({
  type: 'EntryReversed',
  data: { villageId: V, entryId, reason: '错账', on: '2020-12-31' },
});
const debt = (debtId: string, minor: number): VillageFinanceEvent => ({
  type: 'DebtRegistered',
  data: { villageId: V, debtId, creditor: '信用社', amount: cny(minor), incurredOn: '2019-01-01' },
});
const settlement = (debtId: string, minor: number): VillageFinanceEvent => ({
  type: 'DebtSettled',
  data: { villageId: V, debtId, amount: cny(minor), settledOn: '2020-06-01', method: 'repaid' },
});

/** Everything a decision reads of a cash book, for the dates and ids the events use. */
const seen = (book: CashBook) => ({
  balance: book.balance,
  lowest: ['2019-12-31', '2020-01-01', '2020-03-15', '2020-06-30', '2020-09-01', '2021-01-01'].map((from) =>
    book.lowestBalanceFrom(from),
  ),
  entries: ['R1', 'R2', 'R3', 'X1', 'X2'].map((id) => book.entry(id)),
  vouchers: ['收-R1', '收-R2', '收-R3', '付-X1', '付-X2'].map((no) => book.hasVoucher(` ${no}`)),
  debts: ['D1', 'D2'].map((id) => book.debt(id)),
});

const history: VillageFinanceEvent[] = [
  receipt('R1', 100_000, '2020-03-01', '0c6f6a0e-8d1e-4f4b-9a51-3f1c2b7d9e01'),
  debt('D1', 80_000),
  expenditure('X1', 60_000, '2020-09-01'),
  receipt('R2', 50_000, '2020-01-15', 'E-R2'),
  settlement('D1', 30_000),
  expenditure('X2', 70_000, '2020-06-30'),
  reversal('X1'),
  receipt('R3', 10_000, '2020-09-01'),
  settlement('D1', 20_000),
  reversal('R2'),
  debt('D2', 5_000),
];

describe('a cash book', () => {
  it('gives back the event id an entry was recorded with, for the correction to name', () => {
    const book = [
      ...history.slice(0, 4),
      receipt('R9', 1, '2020-01-01', '0C6F6A0E-8D1E-4F4B-9A51-3F1C2B7D9E01'),
    ].reduce((b, e) => b.with(e), CashBook.EMPTY);
    expect(book.entry('R9')).toMatchObject({ eventId: '0C6F6A0E-8D1E-4F4B-9A51-3F1C2B7D9E01' });
    expect(book.entry('R1')).toMatchObject({
      eventId: '0c6f6a0e-8d1e-4f4b-9a51-3f1c2b7d9e01',
      on: '2020-03-01',
      kind: 'receipt',
      minor: 100_000,
    });
    expect(book.entry('R2')).toMatchObject({ eventId: 'E-R2', on: '2020-01-15' });
    expect(book.entry('X1')).not.toHaveProperty('eventId');
  });

  it('tells the balance, the entries, the vouchers and the debts of each version as it stood, after any later version was asked', () => {
    const versions = [CashBook.EMPTY];
    for (const event of history) versions.push(versions[versions.length - 1].with(event));
    const newest = seen(versions[history.length]);
    // Each prefix folded on its own is what that version must still answer, asked in any order.
    const expected = versions.map((_, n) => seen(history.slice(0, n).reduce((b, e) => b.with(e), CashBook.EMPTY)));
    for (const n of [3, 9, 0, 5, 11, 1, 7, 2, 10, 4, 8, 6]) expect(seen(versions[n])).toEqual(expected[n]);
    expect(seen(versions[history.length])).toEqual(newest);
    expect(expected[history.length]).toMatchObject({
      balance: 100_000 - 70_000 + 10_000,
      debts: [
        { debtId: 'D1', minor: 80_000, settled: 50_000 },
        { debtId: 'D2', settled: 0 },
      ],
      entries: [{ reversed: false }, { reversed: true }, { reversed: false }, { reversed: true }, { reversed: false }],
    });
    expect(expected[7]).toMatchObject({
      balance: 80_000,
      debts: [{ settled: 30_000 }, undefined],
      entries: [{}, { reversed: false }, undefined, { reversed: true }, { reversed: false }],
    });
  });

  it('lets an older version go its own way without changing the newer one', () => {
    const older = history.slice(0, 3).reduce((b, e) => b.with(e), CashBook.EMPTY);
    const newer = older.with(history[3]);
    const sibling = older.with(expenditure('X9', 40_000, '2020-04-01')).with(settlement('D1', 80_000));
    expect(sibling.balance).toBe(0);
    expect(sibling.lowestBalanceFrom('2020-01-01')).toEqual({ minor: 0, on: '2020-01-01' });
    expect(sibling.debt('D1')).toMatchObject({ settled: 80_000 });
    expect(newer.balance).toBe(90_000);
    expect(newer.entry('X9')).toBeUndefined();
    expect(newer.debt('D1')).toMatchObject({ settled: 0 });
    expect(newer.with(expenditure('X3', 1, '2020-03-02')).lowestBalanceFrom('2020-03-01')).toEqual({
      minor: 89_999,
      on: '2020-09-01',
    });
  });
});
