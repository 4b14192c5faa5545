import { IsIn, IsString, Matches } from 'class-validator';
import { DataOf, LocalDate, WARNING_ACTIONS, WARNING_ID_PATTERN, WarningAction } from '@sunshine/domain';
import { IsLocalDate, IsText } from './decorators';
import { Field, Form } from './form';

@Form({
  title: '处置预警',
  group: 'warnings',
  summary: '登记对红色、黄色预警的处置；已处置的预警仍然列出，黄色处置后转为红色的重新预警',
})
export class HandleWarningDto implements DataOf<'HandleWarning'> {
  @Field('预警', { pick: 'warning' })
  @IsString()
  @Matches(WARNING_ID_PATTERN, { message: '$property must be a warning id' })
  warningId!: string;
  @Field('处置日期') @IsLocalDate() handledOn!: LocalDate;
  @Field('处置方式', { words: 'warningAction' }) @IsIn(WARNING_ACTIONS) action!: WarningAction;
  @Field('处置情况') @IsText() note!: string;
}

export const warningDtos = {
  HandleWarning: HandleWarningDto,
};
