import { IsIn } from 'class-validator';
import { DataOf, HONOUR_LEVELS, HonourLevel, LocalDate } from '@sunshine/domain';
import { IsId, IsLocalDate, IsText } from './decorators';
import { Field, Form } from './form';

@Form({ title: '登记荣誉', group: 'administration', summary: '本届获得的荣誉称号和奖项，工作总结逐项列出' })
export class RecordHonourDto implements DataOf<'RecordHonour'> {
  @Field('荣誉编号', { newId: 'RY' }) @IsId() honourId!: string;
  @Field('荣誉名称', { hint: '如 省级卫生乡镇' }) @IsText(200) title!: string;
  @Field('授予单位') @IsText(200) awardedBy!: string;
  @Field('授予日期') @IsLocalDate() awardedOn!: LocalDate;
  @Field('级别', { words: 'honourLevel' }) @IsIn(HONOUR_LEVELS) level!: HonourLevel;
}

export const honourDtos = {
  RecordHonour: RecordHonourDto,
};
