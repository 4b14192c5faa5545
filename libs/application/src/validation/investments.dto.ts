import { IsIn } from 'class-validator';
import { ORIGINS } from '@sunshine/domain';
import { IsId, IsLocalDate, IsMoney, IsText, MoneyDto, Optional } from './decorators';

export class SignInvestmentDto {
  @IsId() investmentId!: string;
  @IsText(200) investor!: string;
  @IsText(100) sector!: string;
  @IsIn(ORIGINS) origin!: string;
  @IsMoney() amount!: MoneyDto;
  @IsLocalDate() signedOn!: string;
  @Optional() @IsId() villageId?: string;
  @Optional() @IsId() projectId?: string;
  @Optional() @IsText() note?: string;
}

export class RecordCapitalArrivalDto {
  @IsId() investmentId!: string;
  @IsMoney() amount!: MoneyDto;
  @IsLocalDate() arrivedOn!: string;
}

export class AmendInvestmentDto {
  @IsId() investmentId!: string;
  @Optional() @IsText(200) investor?: string;
  @Optional() @IsText(100) sector?: string;
  @Optional() @IsMoney() amount?: MoneyDto;
  @Optional() @IsLocalDate() signedOn?: string;
  @IsText() reason!: string;
}

export class TerminateInvestmentDto {
  @IsId() investmentId!: string;
  @IsLocalDate() terminatedOn!: string;
  @IsText() reason!: string;
}

export const investmentDtos = {
  SignInvestment: SignInvestmentDto,
  RecordCapitalArrival: RecordCapitalArrivalDto,
  AmendInvestment: AmendInvestmentDto,
  TerminateInvestment: TerminateInvestmentDto,
};
