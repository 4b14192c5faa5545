import { IsIn } from 'class-validator';
import {
  AmendInvestment,
  DataOf,
  LocalDate,
  Origin,
  ORIGINS,
  RecordCapitalArrival,
  SignInvestment,
  TerminateInvestment,
} from '@sunshine/domain';
import { IsId, IsLocalDate, IsMoney, IsText, MoneyDto, Optional } from './decorators';
import { Field, Form } from './form';

@Form({ title: '登记招商签约', group: 'investment', summary: '投资方签订投资协议（内资或外资）' })
export class SignInvestmentDto implements DataOf<'SignInvestment'> {
  @Field('招商项目编号', { newId: 'ZS' }) @IsId() investmentId!: string;
  @Field('投资方') @IsText(200) investor!: string;
  @Field('所属行业', { words: 'sector', open: true }) @IsText(100) sector!: string;
  @Field('资金来源', { words: 'origin' }) @IsIn(ORIGINS) origin!: Origin;
  @Field('签约金额') @IsMoney() amount!: MoneyDto;
  @Field('签约日期') @IsLocalDate() signedOn!: LocalDate;
  @Field('所在村', { pick: 'village' }) @Optional() @IsId() villageId?: string;
  @Field('关联项目', { pick: 'project' }) @Optional() @IsId() projectId?: string;
  @Field('备注') @Optional() @IsText() note?: string;
}

@Form({ title: '登记资金到位', group: 'investment', summary: '签约资金实际到位的金额和日期' })
export class RecordCapitalArrivalDto implements DataOf<'RecordCapitalArrival'> {
  @Field('招商项目', { pick: 'investment' }) @IsId() investmentId!: string;
  @Field('到位金额') @IsMoney() amount!: MoneyDto;
  @Field('到位日期') @IsLocalDate() arrivedOn!: LocalDate;
}

@Form({ title: '更正招商签约', group: 'investment', summary: '更正投资方、行业、金额或签约日期，须写明原因' })
export class AmendInvestmentDto implements DataOf<'AmendInvestment'> {
  @Field('招商项目', { pick: 'investment' }) @IsId() investmentId!: string;
  @Field('投资方') @Optional() @IsText(200) investor?: string;
  @Field('所属行业', { words: 'sector', open: true }) @Optional() @IsText(100) sector?: string;
  @Field('签约金额') @Optional() @IsMoney() amount?: MoneyDto;
  @Field('签约日期') @Optional() @IsLocalDate() signedOn?: LocalDate;
  @Field('更正原因') @IsText() reason!: string;
}

@Form({ title: '终止招商项目', group: 'investment', summary: '签约项目终止，须写明原因' })
export class TerminateInvestmentDto implements DataOf<'TerminateInvestment'> {
  @Field('招商项目', { pick: 'investment' }) @IsId() investmentId!: string;
  @Field('终止日期') @IsLocalDate() terminatedOn!: LocalDate;
  @Field('终止原因') @IsText() reason!: string;
}

export const investmentDtos = {
  SignInvestment: SignInvestmentDto,
  RecordCapitalArrival: RecordCapitalArrivalDto,
  AmendInvestment: AmendInvestmentDto,
  TerminateInvestment: TerminateInvestmentDto,
};
