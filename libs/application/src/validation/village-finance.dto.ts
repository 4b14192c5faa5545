import { IsIn } from 'class-validator';
import {
  DataOf,
  EXPENDITURE_CATEGORIES,
  ExpenditureCategory,
  LocalDate,
  RECEIPT_CATEGORIES,
  ReceiptCategory,
  RecordExpenditure,
  RecordReceipt,
  RegisterDebt,
  ReverseEntry,
  SettleDebt,
  SETTLEMENT_METHODS,
  SettlementMethod,
} from '@sunshine/domain';
import { CnyDto, IsId, IsLocalDate, IsMoney, IsText } from './decorators';
import { Field, Form } from './form';

/** Village cash books are kept in CNY: another currency is a 400 on `data.amount.currency`. */

@Form({ title: '登记村级收入', group: 'village-finance' })
export class RecordReceiptDto implements DataOf<'RecordReceipt'> {
  @Field('村', { pick: 'village' }) @IsId() villageId!: string;
  @Field('分录编号', { newId: 'SR' }) @IsId() entryId!: string;
  @Field('金额') @IsMoney(CnyDto) amount!: CnyDto;
  @Field('收入类别', { words: 'receiptCategory' }) @IsIn(RECEIPT_CATEGORIES) category!: ReceiptCategory;
  @Field('付款单位') @IsText(200) counterparty!: string;
  @Field('凭证号') @IsText(80) voucherNo!: string;
  @Field('记账日期') @IsLocalDate() on!: LocalDate;
}

@Form({ title: '登记村级支出', group: 'village-finance', summary: '须有村民（代表）会议决议；余额不得为负' })
export class RecordExpenditureDto implements DataOf<'RecordExpenditure'> {
  @Field('村', { pick: 'village' }) @IsId() villageId!: string;
  @Field('分录编号', { newId: 'ZC' }) @IsId() entryId!: string;
  @Field('金额') @IsMoney(CnyDto) amount!: CnyDto;
  @Field('支出类别', { words: 'expenditureCategory' })
  @IsIn(EXPENDITURE_CATEGORIES)
  category!: ExpenditureCategory;
  @Field('收款单位') @IsText(200) payee!: string;
  @Field('凭证号') @IsText(80) voucherNo!: string;
  @Field('决议文号', { hint: '村民（代表）会议决议' }) @IsText(200) approvalRef!: string;
  @Field('记账日期') @IsLocalDate() on!: LocalDate;
}

@Form({ title: '冲销分录', group: 'village-finance', summary: '冲销一笔记错的收入或支出，须写明原因' })
export class ReverseEntryDto implements DataOf<'ReverseEntry'> {
  @Field('村', { pick: 'village' }) @IsId() villageId!: string;
  @Field('分录', { pick: 'entry' }) @IsId() entryId!: string;
  @Field('冲销原因') @IsText() reason!: string;
  @Field('冲销日期') @IsLocalDate() on!: LocalDate;
}

@Form({ title: '登记村级债务', group: 'village-finance' })
export class RegisterDebtDto implements DataOf<'RegisterDebt'> {
  @Field('村', { pick: 'village' }) @IsId() villageId!: string;
  @Field('债务编号', { newId: 'ZW' }) @IsId() debtId!: string;
  @Field('债权人') @IsText(200) creditor!: string;
  @Field('债务金额') @IsMoney(CnyDto) amount!: CnyDto;
  @Field('发生日期') @IsLocalDate() incurredOn!: LocalDate;
}

@Form({ title: '化解村级债务', group: 'village-finance', summary: '偿还、核销或债务重组' })
export class SettleDebtDto implements DataOf<'SettleDebt'> {
  @Field('村', { pick: 'village' }) @IsId() villageId!: string;
  @Field('债务', { pick: 'debt' }) @IsId() debtId!: string;
  @Field('化解金额') @IsMoney(CnyDto) amount!: CnyDto;
  @Field('化解日期') @IsLocalDate() settledOn!: LocalDate;
  @Field('化解方式', { words: 'settlementMethod' }) @IsIn(SETTLEMENT_METHODS) method!: SettlementMethod;
}

export const villageFinanceDtos = {
  RecordReceipt: RecordReceiptDto,
  RecordExpenditure: RecordExpenditureDto,
  ReverseEntry: ReverseEntryDto,
  RegisterDebt: RegisterDebtDto,
  SettleDebt: SettleDebtDto,
};
