import {
  alreadyExists,
  DecisionContext,
  formatMinor,
  inCny,
  notBefore,
  notFound,
  notInFuture,
  positiveAmount,
  RuleViolation,
} from '../shared';
import { CashBook } from './cash-book';
import { RecordExpenditure, RecordReceipt, RegisterDebt, ReverseEntry, SettleDebt } from './villages.commands';
import { DebtRegistered, DebtSettled, EntryReversed, ExpenditureRecorded, ReceiptRecorded } from './villages.events';

/** The decisions on a registered village's cash book and debts. Every amount is CNY and above zero. */

const ENTRY = { zh: '账目', en: 'Entry' };
const VOUCHER = { zh: '凭证号', en: 'Voucher number' };
const DEBT = { zh: '债务', en: 'Debt' };

const newEntry = (
  data: RecordReceipt['data'] | RecordExpenditure['data'],
  book: CashBook,
  context: DecisionContext,
): void => {
  if (book.entry(data.entryId)) throw alreadyExists(ENTRY, data.entryId, 'data.entryId');
  if (book.hasVoucher(data.voucherNo)) throw alreadyExists(VOUCHER, data.voucherNo, 'data.voucherNo');
  inCny(data.amount, 'amount');
  positiveAmount(data.amount.minor, 'amount');
  notInFuture(data.on, 'on', context);
};

/**
 * Cash leaving on `on` lowers the end-of-day balance of that day and of every later one, so the
 * lowest of those must cover it: the ledger as of any business date never shows a negative balance.
 */
const coveredByBalance = (book: CashBook, minor: number, from: string, field: string): void => {
  const lowest = book.lowestBalanceFrom(from);
  if (lowest.minor < minor)
    throw new RuleViolation(
      'RULE_VILLAGE_BALANCE_NEGATIVE',
      {
        zh: `现金余额不足：${lowest.on} 的余额为 ${formatMinor(lowest.minor)} 元，不足 ${formatMinor(minor)} 元，登记后余额将为负数`,
        en: `the cash balance would go below zero: ${formatMinor(lowest.minor)} CNY on ${lowest.on}, ${formatMinor(minor)} CNY needed`,
      },
      field,
    );
};

export const recordReceipt = (
  data: RecordReceipt['data'],
  book: CashBook,
  context: DecisionContext,
): ReceiptRecorded => {
  newEntry(data, book, context);
  return { type: 'ReceiptRecorded', data: { ...data }, occurredOn: data.on };
};

export const recordExpenditure = (
  data: RecordExpenditure['data'],
  book: CashBook,
  context: DecisionContext,
): ExpenditureRecorded => {
  newEntry(data, book, context);
  if (data.approvalRef.trim() === '')
    throw new RuleViolation(
      'RULE_EXPENDITURE_NEEDS_APPROVAL',
      {
        zh: '村级支出须注明村民（代表）会议决议编号',
        en: "an expenditure needs the approving villagers' meeting resolution (approvalRef)",
      },
      'data.approvalRef',
    );
  coveredByBalance(book, data.amount.minor, data.on, 'data.amount');
  return { type: 'ExpenditureRecorded', data: { ...data }, occurredOn: data.on };
};

export const reverseEntry = (data: ReverseEntry['data'], book: CashBook, context: DecisionContext): EntryReversed => {
  const entry = book.entry(data.entryId);
  if (!entry) throw notFound(ENTRY, data.entryId, 'data.entryId');
  if (entry.reversed)
    throw new RuleViolation(
      'RULE_ENTRY_ALREADY_REVERSED',
      { zh: `账目「${data.entryId}」已冲销`, en: `entry ${data.entryId} is already reversed` },
      'data.entryId',
    );
  notInFuture(data.on, 'on', context);
  if (data.on < entry.on)
    throw new RuleViolation(
      'RULE_REVERSAL_BEFORE_ENTRY',
      {
        zh: `冲销日期 ${data.on} 早于原账目日期 ${entry.on}`,
        en: `the reversal (${data.on}) is dated before the entry (${entry.on})`,
      },
      'data.on',
    );
  // A reversed entry counts until the reversal's date: a receipt's reversal takes its cash away from then.
  if (entry.kind === 'receipt') coveredByBalance(book, entry.minor, data.on, 'data.entryId');
  return {
    type: 'EntryReversed',
    data: { ...data },
    occurredOn: data.on,
    ...(entry.eventId ? { corrects: entry.eventId } : {}),
  };
};

export const registerDebt = (data: RegisterDebt['data'], book: CashBook, context: DecisionContext): DebtRegistered => {
  if (book.debt(data.debtId)) throw alreadyExists(DEBT, data.debtId, 'data.debtId');
  inCny(data.amount, 'amount');
  positiveAmount(data.amount.minor, 'amount');
  notInFuture(data.incurredOn, 'incurredOn', context);
  return { type: 'DebtRegistered', data: { ...data }, occurredOn: data.incurredOn };
};

export const settleDebt = (data: SettleDebt['data'], book: CashBook, context: DecisionContext): DebtSettled => {
  const debt = book.debt(data.debtId);
  if (!debt) throw notFound(DEBT, data.debtId, 'data.debtId');
  inCny(data.amount, 'amount');
  positiveAmount(data.amount.minor, 'amount');
  notInFuture(data.settledOn, 'settledOn', context);
  notBefore('RULE_SETTLEMENT_BEFORE_DEBT', data.settledOn, 'settledOn', debt.incurredOn, 'incurredOn');
  const outstanding = debt.minor - debt.settled;
  if (data.amount.minor > outstanding)
    throw new RuleViolation(
      'RULE_DEBT_OVERSETTLED',
      {
        zh: `清偿金额 ${formatMinor(data.amount.minor)} 元超过债务「${data.debtId}」尚未清偿的 ${formatMinor(outstanding)} 元`,
        en: `settling ${formatMinor(data.amount.minor)} CNY exceeds the ${formatMinor(outstanding)} CNY outstanding on debt ${data.debtId}`,
      },
      'data.amount',
    );
  return { type: 'DebtSettled', data: { ...data }, occurredOn: data.settledOn };
};
