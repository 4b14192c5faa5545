import { DataOf, ErasePersonalData } from '@sunshine/domain';
import { IsId, IsText } from './decorators';
import { Field, Form } from './form';

@Form({ title: '删除个人信息', group: 'users', summary: '销毁当事人的密钥，其个人信息在各处显示为“已删除”，不可恢复' })
export class ErasePersonalDataDto implements DataOf<'ErasePersonalData'> {
  @Field('当事人', { pick: 'subject' }) @IsId() subjectId!: string;
  @Field('删除依据') @IsText() reason!: string;
}

export const personalDataDtos = {
  ErasePersonalData: ErasePersonalDataDto,
};
