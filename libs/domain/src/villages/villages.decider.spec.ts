import { Conflict, NotFound, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { villageDecider } from './villages.decider';
import { VillageCommand } from './villages.commands';
import { VillageEvent } from './villages.events';

const given = specFor(villageDecider);
const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });
const V = 'dongcun';

const register = { type: 'RegisterVillage' as const, data: { villageId: V, name: '东村' } };
const registered: VillageEvent = { type: 'VillageRegistered', data: register.data };

const receiptData = (entryId: string, yuan: number, on = '2010-03-01', voucherNo = `收-${entryId}`) => ({
  villageId: V,
  entryId,
  amount: cny(yuan),
  category: 'fiscal-transfer' as const,
  counterparty: '镇财政所',
  voucherNo,
  on,
});
const expenditureData = (entryId: string, yuan: number, on = '2010-04-01', voucherNo = `付-${entryId}`) => ({
  villageId: V,
  entryId,
  amount: cny(yuan),
  category: 'public-works' as const,
  payee: '施工队',
  voucherNo,
  approvalRef: '村民代表会议决议 2010-02',
  on,
});
const receive = (entryId: string, yuan: number, on?: string, voucherNo?: string): VillageCommand => ({
  type: 'RecordReceipt',
  data: receiptData(entryId, yuan, on, voucherNo),
});
const received = (entryId: string, yuan: number, on?: string): VillageEvent => ({
  type: 'ReceiptRecorded',
  data: receiptData(entryId, yuan, on),
  eventId: `e-${entryId}`,
});
const spend = (entryId: string, yuan: number, on?: string, voucherNo?: string): VillageCommand => ({
  type: 'RecordExpenditure',
  data: expenditureData(entryId, yuan, on, voucherNo),
});
const spent = (entryId: string, yuan: number, on?: string): VillageEvent => ({
  type: 'ExpenditureRecorded',
  data: expenditureData(entryId, yuan, on),
  eventId: `e-${entryId}`,
});
const reverse = (entryId: string, on = '2010-05-01'): VillageCommand => ({
  type: 'ReverseEntry',
  data: { villageId: V, entryId, reason: '重复入账', on },
});
const reversed = (entryId: string): VillageEvent => ({
  type: 'EntryReversed',
  data: { villageId: V, entryId, reason: '重复入账', on: '2010-05-01' },
});
const borrow = (debtId: string, yuan: number): VillageCommand => ({
  type: 'RegisterDebt',
  data: { villageId: V, debtId, creditor: '信用社', amount: cny(yuan), incurredOn: '2009-01-01' },
});
const borrowed = (debtId: string, yuan: number): VillageEvent => ({
  type: 'DebtRegistered',
  data: { villageId: V, debtId, creditor: '信用社', amount: cny(yuan), incurredOn: '2009-01-01' },
});
const settle = (debtId: string, yuan: number, settledOn = '2010-06-01'): VillageCommand => ({
  type: 'SettleDebt',
  data: { villageId: V, debtId, amount: cny(yuan), settledOn, method: 'repaid' },
});
const settled = (debtId: string, yuan: number): VillageEvent => ({
  type: 'DebtSettled',
  data: { villageId: V, debtId, amount: cny(yuan), settledOn: '2010-06-01', method: 'written-off' },
});

describe('villages', () => {
  it('registers a village', () =>
    given([])
      .when(register)
      .then([{ type: 'VillageRegistered', data: { villageId: V, name: '东村' } }]));
  it('will not register a village twice', () =>
    given([registered]).when(register).thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.villageId'));
});

describe('village receipts', () => {
  it('are recorded on their date', () =>
    given([registered])
      .when(receive('R1', 1000))
      .then([{ type: 'ReceiptRecorded', data: { entryId: 'R1', amount: cny(1000) }, occurredOn: '2010-03-01' }]));
  it('need a registered village', () =>
    given([]).when(receive('R1', 1000)).thenThrows(NotFound, 'NOT_FOUND', 'data.villageId'));
  it('have entry ids unique in the village', () =>
    given([registered, received('R1', 1000)])
      .when(receive('R1', 5, undefined, '收-新'))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.entryId'));
  it('have voucher numbers unique in the village, across receipts and expenditures', () => {
    given([registered, received('R1', 1000)])
      .when(receive('R2', 5, undefined, '收-R1'))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.voucherNo');
    given([registered, received('R1', 1000)])
      .when(spend('X1', 5, undefined, ' 收-R1 '))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.voucherNo');
  });
  it('need an amount above zero', () =>
    given([registered]).when(receive('R1', 0)).thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));
  it('are kept in CNY', () =>
    given([registered])
      .when({ type: 'RecordReceipt', data: { ...receiptData('R1', 1), amount: { currency: 'USD', minor: 100 } } })
      .thenThrows(RuleViolation, 'RULE_CURRENCY_NOT_CNY'));
  it('cannot be dated after today', () =>
    given([registered], context({ today: '2010-02-28' }))
      .when(receive('R1', 1))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('village expenditures', () => {
  it('are recorded on their date when the cash covers them', () =>
    given([registered, received('R1', 1000)])
      .when(spend('X1', 1000))
      .then([
        { type: 'ExpenditureRecorded', data: { approvalRef: '村民代表会议决议 2010-02' }, occurredOn: '2010-04-01' },
      ]));
  it('may not take the cash balance below zero', () =>
    given([registered, received('R1', 1000), spent('X1', 600)])
      .when(spend('X2', 401))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('may not be dated before the cash that covers them arrived', () =>
    given([registered, received('R1', 1000, '2010-03-01')])
      .when(spend('X1', 500, '2010-02-15'))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('may not spend cash that a later-dated expenditure already spent', () =>
    given([
      registered,
      received('R1', 1000, '2010-03-01'),
      received('R2', 1000, '2010-06-01'),
      spent('X1', 1500, '2010-07-01'),
    ])
      .when(spend('X2', 600, '2010-04-01'))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('may be back-dated while every later balance stays covered', () =>
    given([registered, received('R1', 1000, '2010-03-01'), spent('X1', 300, '2010-07-01')])
      .when(spend('X2', 700, '2010-04-01'))
      .then([{ type: 'ExpenditureRecorded' }]));
  it('may spend on the day the cash arrived', () =>
    given([registered, received('R1', 1000, '2010-03-01')])
      .when(spend('X1', 1000, '2010-03-01'))
      .then([{ type: 'ExpenditureRecorded' }]));
  it('no longer count a reversed receipt', () =>
    given([registered, received('R1', 1000), received('R2', 1000), reversed('R2')])
      .when(spend('X1', 1001))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('need the approving resolution', () =>
    given([registered, received('R1', 1000)])
      .when({ type: 'RecordExpenditure', data: { ...expenditureData('X1', 1), approvalRef: '  ' } })
      .thenThrows(RuleViolation, 'RULE_EXPENDITURE_NEEDS_APPROVAL'));
  it('have entry ids unique in the village', () =>
    given([registered, received('R1', 1000)])
      .when(spend('R1', 1))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.entryId'));
  it('need an amount above zero', () =>
    given([registered, received('R1', 1000)])
      .when(spend('X1', 0))
      .thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));
  it('cannot be dated after today', () =>
    given([registered, received('R1', 1000)], context({ today: '2010-03-31' }))
      .when(spend('X1', 1))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('reversing a cash-book entry', () => {
  it('corrects the entry, on the reversal date', () =>
    given([registered, received('R1', 1000)])
      .when(reverse('R1'))
      .then([
        {
          type: 'EntryReversed',
          data: { entryId: 'R1', reason: '重复入账' },
          occurredOn: '2010-05-01',
          corrects: 'e-R1',
        },
      ]));
  it('needs an entry of the village, naming data.entryId', () =>
    given([registered]).when(reverse('R9')).thenThrows(NotFound, 'NOT_FOUND', 'data.entryId'));
  it('happens once', () =>
    given([registered, received('R1', 1000), reversed('R1')])
      .when(reverse('R1'))
      .thenThrows(RuleViolation, 'RULE_ENTRY_ALREADY_REVERSED'));
  it('of a receipt may not take the balance below zero', () =>
    given([registered, received('R1', 1000), spent('X1', 600)])
      .when(reverse('R1'))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('of an expenditure gives the cash back from the reversal date on', () =>
    given([registered, received('R1', 1000), spent('X1', 600), reversed('X1')])
      .when(spend('X2', 1000, '2010-05-01'))
      .then([{ type: 'ExpenditureRecorded' }]));
  it('of an expenditure gives nothing back before the reversal date, where the ledger still counts it', () =>
    given([registered, received('R1', 1000, '2010-01-01'), spent('X1', 1000, '2010-02-01'), reversed('X1')])
      .when(spend('Y1', 1000, '2010-02-15'))
      .thenThrows(RuleViolation, 'RULE_VILLAGE_BALANCE_NEGATIVE'));
  it('of a receipt takes the cash away only from the reversal date on', () =>
    // Spent to nothing on 01-10, refilled on 01-20: reversing R1 on 01-25 leaves 0, never below.
    given([
      registered,
      received('R1', 1000, '2010-01-01'),
      spent('X1', 1000, '2010-01-10'),
      received('R2', 1000, '2010-01-20'),
    ])
      .when(reverse('R1', '2010-01-25'))
      .then([{ type: 'EntryReversed', occurredOn: '2010-01-25' }]));
  it('cannot precede the entry', () =>
    given([registered, received('R1', 1000)])
      .when(reverse('R1', '2010-02-01'))
      .thenThrows(RuleViolation, 'RULE_REVERSAL_BEFORE_ENTRY'));
  it('cannot be dated after today', () =>
    given([registered, received('R1', 1000)], context({ today: '2010-04-30' }))
      .when(reverse('R1'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('village debts', () => {
  it('are registered on the date incurred', () =>
    given([registered])
      .when(borrow('D1', 800))
      .then([{ type: 'DebtRegistered', occurredOn: '2009-01-01' }]));
  it('have ids unique in the village', () =>
    given([registered, borrowed('D1', 800)])
      .when(borrow('D1', 5))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.debtId'));
  it('need an amount above zero', () =>
    given([registered]).when(borrow('D1', 0)).thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));

  it('are settled in parts up to the whole debt, by any method', () =>
    given([registered, borrowed('D1', 800), settled('D1', 300)])
      .when(settle('D1', 500))
      .then([{ type: 'DebtSettled', data: { amount: cny(500) }, occurredOn: '2010-06-01' }]));
  it('are never settled beyond the debt', () =>
    given([registered, borrowed('D1', 800), settled('D1', 300)])
      .when(settle('D1', 501))
      .thenThrows(RuleViolation, 'RULE_DEBT_OVERSETTLED'));
  it('must exist to be settled, naming data.debtId', () =>
    given([registered]).when(settle('D9', 1)).thenThrows(NotFound, 'NOT_FOUND', 'data.debtId'));
  it('cannot be settled before they were incurred', () =>
    given([registered, borrowed('D1', 800)])
      .when(settle('D1', 1, '2008-12-31'))
      .thenThrows(RuleViolation, 'RULE_SETTLEMENT_BEFORE_DEBT'));
  it('cannot be settled with nothing', () =>
    given([registered, borrowed('D1', 800)])
      .when(settle('D1', 0))
      .thenThrows(RuleViolation, 'RULE_AMOUNT_NOT_POSITIVE'));
  it('cannot be settled on a date after today', () =>
    given([registered, borrowed('D1', 800)], context({ today: '2010-05-31' }))
      .when(settle('D1', 1))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('the cash book behind a village', () => {
  it('answers an older version as it stood, even after a newer one took its lookups over', () => {
    const fold = (events: VillageEvent[]) => events.reduce(villageDecider.evolve, villageDecider.initialState());
    const older = fold([registered, received('R1', 1000)]);
    const newer = [spent('X1', 1000)].reduce(villageDecider.evolve, older);
    const sibling = [received('R2', 50)].reduce(villageDecider.evolve, older);
    if (!older.registered || !newer.registered || !sibling.registered) throw new Error('registered');
    expect(newer.book.balance).toBe(0);
    expect(older.book.balance).toBe(100_000);
    expect(sibling.book.balance).toBe(105_000);
    expect(newer.book.entry('R2')).toBeUndefined();
    expect(newer.book.balance).toBe(0);
  });

  // How fast a long cash book folds is measured by `npm run bench`, not asserted here.
  it('folds a long cash book to the exact balance', () => {
    const events: VillageEvent[] = [registered];
    for (let i = 0; i < 20_000; i++) events.push(received(`R${i}`, 1, '2010-03-01'));
    let state = villageDecider.initialState();
    for (const event of events) state = villageDecider.evolve(state, event);
    if (!state.registered) throw new Error('registered');
    expect(state.book.balance).toBe(2_000_000);
    expect(state.book.hasVoucher('收-R0')).toBe(true);
  });
});
