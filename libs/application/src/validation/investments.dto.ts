import { IsIn, IsOptional } from 'class-validator';
import { ORIGINS } from '@sunshine/domain';
import { IsId, IsLocalDate, IsMoney, IsText, MoneyDto } from './decorators';

export class SignInvestmentDto {
  @IsId() investmentId!: string;
  @IsText(200) investor!: string;
  @IsText(100) sector!: string;
  @IsIn(ORIGINS) origin!: string;
  @IsMoney() amount!: MoneyDto;
  @IsLocalDate() signedOn!: string;
  @IsOptional() @IsId() villageId?: string;
  @IsOptional() @IsId() projectId?: string;
  @IsOptional() @IsText() note?: string;
}

export class RecordCapitalArrivalDto {
  @IsId() investmentId!: string;
  @IsMoney() amount!: MoneyDto;
  @IsLocalDate() arrivedOn!: string;
}

export class AmendInvestmentDto {
  @IsId() investmentId!: string;
  @IsOptional() @IsText(200) investor?: string;
  @IsOptional() @IsText(100) sector?: string;
  @IsOptional() @IsMoney() amount?: MoneyDto;
  @IsOptional() @IsLocalDate() signedOn?: string;
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
