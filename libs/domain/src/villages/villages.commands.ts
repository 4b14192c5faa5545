import { LocalDate, Money } from '../shared';

export type ReceiptCategory = 'collective-income' | 'fiscal-transfer' | 'project-fund' | 'donation' | 'other';
export const RECEIPT_CATEGORIES: readonly ReceiptCategory[] = [
  'collective-income',
  'fiscal-transfer',
  'project-fund',
  'donation',
  'other',
];

export type ExpenditureCategory = 'public-works' | 'administration' | 'welfare' | 'project' | 'other';
export const EXPENDITURE_CATEGORIES: readonly ExpenditureCategory[] = [
  'public-works',
  'administration',
  'welfare',
  'project',
  'other',
];

export type SettlementMethod = 'repaid' | 'written-off' | 'restructured';
export const SETTLEMENT_METHODS: readonly SettlementMethod[] = ['repaid', 'written-off', 'restructured'];

export interface RegisterVillage {
  type: 'RegisterVillage';
  data: { villageId: string; name: string };
}

/** Village cash-book amounts are CNY. */
export interface RecordReceipt {
  type: 'RecordReceipt';
  data: {
    villageId: string;
    entryId: string;
    amount: Money;
    category: ReceiptCategory;
    counterparty: string;
    voucherNo: string;
    on: LocalDate;
  };
}

export interface RecordExpenditure {
  type: 'RecordExpenditure';
  /** approvalRef: the villagers' meeting resolution that approved the spending. */
  data: {
    villageId: string;
    entryId: string;
    amount: Money;
    category: ExpenditureCategory;
    payee: string;
    voucherNo: string;
    approvalRef: string;
    on: LocalDate;
  };
}

export interface ReverseEntry {
  type: 'ReverseEntry';
  data: { villageId: string; entryId: string; reason: string; on: LocalDate };
}

export interface RegisterDebt {
  type: 'RegisterDebt';
  data: { villageId: string; debtId: string; creditor: string; amount: Money; incurredOn: LocalDate };
}

export interface SettleDebt {
  type: 'SettleDebt';
  data: { villageId: string; debtId: string; amount: Money; settledOn: LocalDate; method: SettlementMethod };
}

export type VillageFinanceCommand = RecordReceipt | RecordExpenditure | ReverseEntry | RegisterDebt | SettleDebt;

export type VillageCommand = RegisterVillage | VillageFinanceCommand;
