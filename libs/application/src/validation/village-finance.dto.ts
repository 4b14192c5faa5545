import { IsIn } from 'class-validator';
import { EXPENDITURE_CATEGORIES, RECEIPT_CATEGORIES, SETTLEMENT_METHODS } from '@sunshine/domain';
import { CnyDto, IsId, IsLocalDate, IsMoney, IsText } from './decorators';

/** Village cash books are kept in CNY: another currency is a 400 on `data.amount.currency`. */

export class RecordReceiptDto {
  @IsId() villageId!: string;
  @IsId() entryId!: string;
  @IsMoney(CnyDto) amount!: CnyDto;
  @IsIn(RECEIPT_CATEGORIES) category!: string;
  @IsText(200) counterparty!: string;
  @IsText(80) voucherNo!: string;
  @IsLocalDate() on!: string;
}

export class RecordExpenditureDto {
  @IsId() villageId!: string;
  @IsId() entryId!: string;
  @IsMoney(CnyDto) amount!: CnyDto;
  @IsIn(EXPENDITURE_CATEGORIES) category!: string;
  @IsText(200) payee!: string;
  @IsText(80) voucherNo!: string;
  @IsText(200) approvalRef!: string;
  @IsLocalDate() on!: string;
}

export class ReverseEntryDto {
  @IsId() villageId!: string;
  @IsId() entryId!: string;
  @IsText() reason!: string;
  @IsLocalDate() on!: string;
}

export class RegisterDebtDto {
  @IsId() villageId!: string;
  @IsId() debtId!: string;
  @IsText(200) creditor!: string;
  @IsMoney(CnyDto) amount!: CnyDto;
  @IsLocalDate() incurredOn!: string;
}

export class SettleDebtDto {
  @IsId() villageId!: string;
  @IsId() debtId!: string;
  @IsMoney(CnyDto) amount!: CnyDto;
  @IsLocalDate() settledOn!: string;
  @IsIn(SETTLEMENT_METHODS) method!: string;
}

export const villageFinanceDtos = {
  RecordReceipt: RecordReceiptDto,
  RecordExpenditure: RecordExpenditureDto,
  ReverseEntry: ReverseEntryDto,
  RegisterDebt: RegisterDebtDto,
  SettleDebt: SettleDebtDto,
};
