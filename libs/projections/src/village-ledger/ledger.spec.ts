import { project } from '../records/testing/event-log';
import { townshipLog } from '../records/testing/township-log';
import { villageLedger } from './ledger';

describe('villageLedger', () => {
  const { log, village: v } = townshipLog();
  const store = project(log.events);
  const ledger = (villageId: string, asOf: string) => villageLedger(villageId, { asOf }, store);

  it('has no entry and a zero balance before the first entry', async () => {
    expect(await ledger('V1', '2006-12-31')).toEqual({
      villageId: 'V1',
      asOf: '2006-12-31',
      knownAt: null,
      balance: { CNY: 0 },
      entries: [],
      debts: [],
    });
  });

  it('counts a receipt before its reversal, in date order', async () => {
    const before = await ledger('V1', '2010-01-15');
    expect(before?.balance).toEqual({ CNY: 2_000_000 + 5_000_000 + 3_000_000 });
    expect(before?.entries.map((e) => [e.entryId, e.on, e.reversed])).toEqual([
      ['R3', '2007-05-05', false],
      ['R1', '2009-01-01', false],
      ['R2', '2010-01-01', false],
    ]);
    expect(before?.entries[2]).toEqual({
      entryId: 'R2',
      kind: 'receipt',
      on: '2010-01-01',
      amount: { currency: 'CNY', minor: 3_000_000 },
      category: 'collective-income',
      party: '承包户',
      voucherNo: 'v-R2',
      reversed: false,
      eventId: v.r2.eventId,
    });
  });

  it('marks a reversed entry from the reversal date on, and leaves it out of the balance', async () => {
    const after = await ledger('V1', '2010-03-01');
    expect(after?.balance).toEqual({ CNY: 2_000_000 + 5_000_000 });
    expect(after?.entries.find((e) => e.entryId === 'R2')).toMatchObject({
      reversed: true,
      reversal: { on: '2010-02-01', reason: '重复入账' },
    });
  });

  it('takes expenditures off the balance, a reversal dated after asOf not yet counting', async () => {
    const termEnd = await ledger('V1', '2013-10-01');
    expect(termEnd?.balance).toEqual({ CNY: 2_000_000 + 5_000_000 - 1_000_000 - 500_000 });
    expect(termEnd?.entries.find((e) => e.entryId === 'E2')).toMatchObject({
      kind: 'expenditure',
      party: '施工队',
      approvalRef: 'VM-2011-01',
      reversed: false,
    });
    expect(termEnd?.entries.find((e) => e.entryId === 'E2')).not.toHaveProperty('reversal');

    const later = await ledger('V1', '2014-06-01');
    expect(later?.balance).toEqual({ CNY: 2_000_000 + 5_000_000 - 1_000_000 + 1_000_000 });
    expect(later?.entries.map((e) => e.entryId)).toEqual(['R3', 'R1', 'R2', 'E1', 'E2', 'R4']);
  });

  it('gives each debt incurred by asOf with what is outstanding then', async () => {
    expect((await ledger('V1', '2010-06-01'))?.debts).toEqual([
      {
        debtId: 'DB0',
        creditor: '信用社',
        incurredOn: '2007-01-01',
        amount: { currency: 'CNY', minor: 400_000 },
        settled: { currency: 'CNY', minor: 0 },
        outstanding: { currency: 'CNY', minor: 400_000 },
        settlements: [],
      },
      {
        debtId: 'DB1',
        creditor: '建材商',
        incurredOn: '2009-05-01',
        amount: { currency: 'CNY', minor: 800_000 },
        settled: { currency: 'CNY', minor: 300_000 },
        outstanding: { currency: 'CNY', minor: 500_000 },
        settlements: [{ settledOn: '2010-01-01', amount: { currency: 'CNY', minor: 300_000 }, method: 'repaid' }],
      },
    ]);
    const debts = (await ledger('V1', '2014-01-01'))?.debts;
    expect(debts?.map((d) => [d.debtId, d.outstanding.minor])).toEqual([
      ['DB0', 300_000],
      ['DB1', 300_000],
    ]);
    expect((await ledger('V1', '2008-12-31'))?.debts.map((d) => d.debtId)).toEqual(['DB0']);
  });

  it('keeps villages apart whose ids share a prefix', async () => {
    const v10 = await ledger('V10', '2020-01-01');
    expect(v10?.balance).toEqual({ CNY: 700_000 });
    expect(v10?.entries.map((e) => e.entryId)).toEqual(['R5']);
    expect(v10?.debts).toEqual([]);
  });

  it('echoes knownAt, and knows no village that is not registered', async () => {
    expect((await villageLedger('V1', { asOf: '2010-01-01', knownAt: '2024-01-01T00:00:00Z' }, store))?.knownAt).toBe(
      '2024-01-01T00:00:00Z',
    );
    expect(await ledger('V2', '2020-01-01')).toBeUndefined();
  });
});
